import Foundation

/// A telephone number as an editor wrote it (`05351 4471-20`, `+49 (0) 5351 / 4471-20`) and the number its link
/// dials, in E.164 (`+495351447120`). The page shows the editor's spelling; only the link is normalised, because a
/// phone dials every digit of `tel:`: the trunk `0` kept after `+49` or two numbers run together dial somebody else.
///
/// Numbers without a country code are German. The short numbers that work everywhere in Germany without an area
/// code (110, 112, 115 and the six-digit 116 numbers such as 116 117) are dialled as they are: they have no
/// international form.
public struct PhoneNumber: Sendable, Hashable {
    /// As written in the file, shown on the page.
    public let written: String
    /// `+495351447120`, or a short number such as `116117`.
    public let dialled: String

    public var link: String { "tel:" + dialled }

    /// Why a text is not one telephone number, in German for the editor (the text itself is quoted by the caller).
    public enum Problem: Error, Sendable, Equatable {
        /// Letters or signs that no number has (`Tel.`, `Fax`, `@`).
        case foreignCharacters
        /// A local number without area code (`447120`).
        case missingAreaCode
        case tooShort
        case tooLong
        /// `+49 0…` with a second trunk zero, `+` in the middle and the like.
        case malformed
        /// Several numbers in one text, each as written.
        case several([String])
    }

    /// The German country code, assumed for numbers written with the trunk prefix `0`.
    static let germany = "49"

    /// Reads one value of `phone:`.
    public static func read(_ text: String) -> Result<PhoneNumber, Problem> {
        let written = text.trimmed
        let parts = splitSeveral(written)
        if parts.count > 1 {
            if parts.allSatisfy({ if case .success = number(in: $0) { true } else { false } }) { return .failure(.several(parts)) }
        }
        return number(in: written)
    }

    /// The parts of a text that names several numbers: separated by `,` `;` `oder` `und` `bzw.`, or by `/` when
    /// the part after it starts with `0` or `+` (a German subscriber number never does, so `05351/447120` is one).
    static func splitSeveral(_ text: String) -> [String] {
        // The pattern is compiled anew on every use: a text without any of its separators (almost every number)
        // is one word without it.
        let words = mayHoldSeparator(text)
            ? text.split(separator: /\s*(?:[,;\n]|\s(?:oder|und|bzw\.?|or)\s)\s*/)
            : (text.isEmpty ? [] : [text[...]])
        var parts: [String] = []
        for word in words {
            let pieces = word.split(separator: "/", omittingEmptySubsequences: false)
            var current = ""
            for piece in pieces {
                let start = piece.drop { $0 == " " }.first
                if !current.isEmpty, start == "0" || start == "+" {
                    parts.append(current.trimmed)
                    current = String(piece)
                } else {
                    current += current.isEmpty ? String(piece) : "/" + piece
                }
            }
            if !current.trimmed.isEmpty { parts.append(current.trimmed) }
        }
        return parts
    }

    /// Whether `text` may hold a separator of `splitSeveral`: `,` `;` a line break, or the start of `oder`, `und`,
    /// `bzw`, `or` (the byte pairs `od`, `un`, `bz`, `or`). Without one, the pattern cannot match.
    private static func mayHoldSeparator(_ text: String) -> Bool {
        var previous: UInt8 = 0
        for byte in text.utf8 {
            switch (previous, byte) {
            case (_, 0x2C), (_, 0x3B), (_, 0x0A): return true
            case (0x6F, 0x64), (0x75, 0x6E), (0x62, 0x7A), (0x6F, 0x72): return true
            default: previous = byte
            }
        }
        return false
    }

    private static let allowedInNumber = Set("0123456789+()/-. \u{00A0}\u{202F}\u{2009}")

    /// One number: digits with the separators editors use (spaces, `/`, `-`, `.`, brackets).
    static func number(in written: String) -> Result<PhoneNumber, Problem> {
        var text = written
        // The dashes are outside ASCII: an ASCII text has none to replace.
        if !text.isASCIIText {
            for dash in ["–", "—", "‐", "‑"] { text = text.replacingOccurrences(of: dash, with: "-") }
        }
        guard !text.isEmpty, text.allSatisfy(allowedInNumber.contains) else { return .failure(.foreignCharacters) }
        let international = text.hasPrefix("+") || text.hasPrefix("00")
        // `+49 (0) 5351`: the bracketed trunk zero is not dialled from abroad (only where a bracket stands).
        if international, text.utf8.contains(0x28) { text = text.replacing(/\(\s*0\s*\)/, with: "") }
        if text.dropFirst().contains("+") { return .failure(.malformed) }
        var digits = String(text.filter(\.isASCII).filter(\.isNumber))
        if international {
            digits = text.hasPrefix("+") ? digits : String(digits.dropFirst(2))
            if digits.hasPrefix(germany) {
                var national = digits.dropFirst(germany.count)
                if national.hasPrefix("0") { national = national.dropFirst() }
                if national.hasPrefix("0") { return .failure(.malformed) }
                return checked(written, countryCode: germany, national: String(national))
            }
            guard let first = digits.first, first != "0" else { return .failure(.malformed) }
            guard digits.count >= 8 else { return .failure(.tooShort) }
            guard digits.count <= 15 else { return .failure(.tooLong) }
            return .success(PhoneNumber(written: written, dialled: "+" + digits))
        }
        if digits.hasPrefix("0") { return checked(written, countryCode: germany, national: String(digits.dropFirst())) }
        if isShortNumber(digits) { return .success(PhoneNumber(written: written, dialled: digits)) }
        return .failure(digits.count < 3 ? .tooShort : .missingAreaCode)
    }

    /// A German number: area code and subscriber number together have 6 to 13 digits (E.164 allows 15 with `49`).
    private static func checked(_ written: String, countryCode: String, national: String) -> Result<PhoneNumber, Problem> {
        guard national.count >= 6 else { return .failure(.tooShort) }
        guard national.count + countryCode.count <= 15 else { return .failure(.tooLong) }
        return .success(PhoneNumber(written: written, dialled: "+" + countryCode + national))
    }

    /// Police, fire brigade, the authorities' number and the harmonised European numbers (116 000 – 116 999).
    static func isShortNumber(_ digits: String) -> Bool {
        ["110", "112", "115"].contains(digits) || (digits.count == 6 && digits.hasPrefix("116"))
    }
}
