import Foundation

/// Which link targets may reach a resident's browser. The template engine escapes text but cannot
/// judge a URL, so every URL the theme receives has passed through here or was built by the pipeline.
enum LinkPolicy {
    enum Target: Equatable {
        /// `https://…`, `http://…`, `mailto:…`, `tel:…`
        case external(String)
        /// `#abschnitt`
        case fragment
        /// A content file, `../anlaufstellen/x.md` or `/seiten/impressum.md`, with an optional `#fragment`.
        case contentFile(path: String, fragment: String?)
        /// A page of the site outside the content files, `/angebote/`.
        case sitePath(path: String, fragment: String?)
        /// `javascript:`, `data:`, `file:` … never published.
        case unsafe(scheme: String)
        /// A relative link to something that is not a content file.
        case unsupportedRelative
        /// An address holding invisible control or format characters.
        case disguised
        /// A `mailto:` link that adds recipients or is no address (the reason, in German).
        case invalidMailto(String)
    }

    /// Why a `mailto:` link must not be published: hidden recipients (`?bcc=`, `?cc=`, `?to=`) would send a
    /// resident's mail to someone they cannot see; several or malformed addresses are mistakes.
    static func mailtoProblem(_ url: String) -> String? {
        // An ASCII address is taken apart on its bytes: each of its characters is one byte there (CR LF, the one
        // pair of ASCII characters that makes one Character, holds none of `:?&=`). Walking it Character by
        // Character was the larger part of the link check's time.
        let (address, names) = url.isASCIIText
            ? mailtoParts(url.utf8, colon: UInt8(ascii: ":"), query: UInt8(ascii: "?"), and: UInt8(ascii: "&"), equals: UInt8(ascii: "=")) {
                String(decoding: $0, as: UTF8.self)
            }
            : mailtoParts(url, colon: ":", query: "?", and: "&", equals: "=") { String($0) }
        let decodedAddress = percentDecoded(address) ?? address
        for name in names.map({ $0.lowercased() }) {
            let decodedName = percentDecoded(name) ?? name
            if decodedName != "subject" && decodedName != "body" {
                return "Der E-Mail-Link fügt mit `\(decodedName)=` weitere Empfänger oder Angaben hinzu, die niemand sieht."
            }
        }
        if !isEmailAddress(decodedAddress) {
            return "`\(decodedAddress)` ist keine einzelne gültige E-Mail-Adresse."
        }
        return nil
    }

    /// The address of a `mailto:` link (after the first `:`, up to the first `?`) and the names of its parameters.
    private static func mailtoParts<Text: Collection>(_ url: Text, colon: Text.Element, query: Text.Element, and: Text.Element,
                                                      equals: Text.Element, string: (Text.SubSequence) -> String)
        -> (address: String, names: [String]) where Text.Element: Equatable
    {
        let rest = url.drop { $0 != colon }.dropFirst()
        let address = string(rest.prefix { $0 != query })
        guard let mark = rest.firstIndex(of: query) else { return (address, []) }
        let names = rest[rest.index(after: mark)...].split(separator: and).map { parameter in
            parameter.split(separator: equals, maxSplits: 1).first.map(string) ?? ""
        }
        return (address, names)
    }

    /// `removingPercentEncoding`, which leaves an ASCII text without `%` as it is: such a text is not handed to
    /// Foundation (a third of the link check's time).
    static func percentDecoded(_ text: String) -> String? {
        text.utf8.allSatisfy { $0 < 0x80 && $0 != UInt8(ascii: "%") } ? text : text.removingPercentEncoding
    }

    static let safeSchemes: Set<String> = ["http", "https", "mailto", "tel"]

    /// Characters that make an address look other than it is, or that no address holds: controls, bidirectional
    /// overrides and isolates (`U+202E` turns `exe.gpj` into `jpg.exe` on screen), zero-width and other format characters.
    static func hasDisguisingCharacter(_ s: String) -> Bool {
        s.unicodeScalars.contains(where: isDisguising)
    }

    static func isDisguising(_ scalar: Unicode.Scalar) -> Bool {
        // ASCII has no format characters: the look-up of the general category (the check's largest cost) is
        // needed only beyond it.
        if scalar.value < 0x80 { return scalar.value < 0x20 || scalar.value == 0x7F }
        return scalar.value <= 0x9F || scalar.properties.generalCategory == .format
    }

    static func isWebAddress(_ s: String) -> Bool {
        guard !hasDisguisingCharacter(s), let components = URLComponents(string: s), let scheme = components.scheme?.lowercased(),
            scheme == "http" || scheme == "https", let host = components.host, host.contains(".") || host == "localhost"
        else { return false }
        return !s.contains(where: \.isWhitespace)
    }

    static func isEmailAddress(_ s: String) -> Bool {
        if s.isASCIIText { return isASCIIEmailAddress(Array(s.utf8)) }
        guard !hasDisguisingCharacter(s), !s.contains("?"), !s.lowercased().hasPrefix("mailto:") else { return false }
        let parts = s.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !parts[1].hasPrefix("."), !parts[1].hasSuffix(".") else { return false }
        return !s.contains(where: { $0.isWhitespace || $0 == "<" || $0 == ">" || $0 == "\"" || $0 == "," })
    }

    /// `isEmailAddress` for an ASCII text, on its bytes (each character is one byte there): the same tests
    /// without Foundation's string search and the look-ups of Unicode properties.
    private static func isASCIIEmailAddress(_ bytes: [UInt8]) -> Bool {
        func isWhitespace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }
        guard !bytes.contains(where: { $0 < 0x20 || $0 == 0x7F }), !bytes.contains(UInt8(ascii: "?")),
              !bytes.prefix(7).map({ (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 }).elementsEqual("mailto:".utf8)
        else { return false }
        let at = bytes.indices.filter { bytes[$0] == UInt8(ascii: "@") }
        guard at.count == 1, let split = at.first, split > 0 else { return false }
        let domain = bytes[(split + 1)...]
        guard domain.contains(UInt8(ascii: ".")), domain.first != UInt8(ascii: "."), domain.last != UInt8(ascii: ".") else { return false }
        return !bytes.contains { isWhitespace($0) || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: ",") }
    }

    /// The scheme of a URL as browsers see it: control characters and whitespace are ignored by them,
    /// so `java\tscript:` is still `javascript:`.
    static func scheme(of url: String) -> String? {
        if url.isASCIIText { return asciiScheme(of: url) }
        let cleaned = String(url.unicodeScalars.filter { $0.value > 0x20 && $0.value != 0x7F })
        guard let colon = cleaned.firstIndex(of: ":") else { return nil }
        let candidate = cleaned[..<colon]
        if candidate.contains("/") || candidate.contains("?") || candidate.contains("#") { return nil }
        guard let first = candidate.unicodeScalars.first, CharacterSet.letters.contains(first) else { return nil }
        return candidate.lowercased()
    }

    /// `scheme(of:)` for an ASCII address, on its bytes: each character is one byte there, so the same steps —
    /// controls and spaces left out, the part before the first `:`, no `/` `?` `#` in it, a letter first.
    private static func asciiScheme(of url: String) -> String? {
        var candidate: [UInt8] = []
        for byte in url.utf8 where byte > 0x20 && byte != 0x7F {
            switch byte {
            case UInt8(ascii: ":"):
                guard let first = candidate.first, (0x41...0x5A).contains(first) || (0x61...0x7A).contains(first)
                else { return nil }
                return String(decoding: candidate.map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 }, as: UTF8.self)
            case UInt8(ascii: "/"), UInt8(ascii: "?"), UInt8(ascii: "#"):
                return nil
            default:
                candidate.append(byte)
            }
        }
        return nil
    }

    static func classify(_ url: String, currentFile: String) -> Target {
        let trimmed = url.trimmed
        let scheme = scheme(of: trimmed)
        if let scheme, !safeSchemes.contains(scheme) { return .unsafe(scheme: scheme) }
        if hasDisguisingCharacter(trimmed) { return .disguised }
        if let scheme {
            if scheme == "mailto", let problem = mailtoProblem(trimmed) { return .invalidMailto(problem) }
            return .external(trimmed)
        }
        if trimmed.hasPrefix("//") { return .external("https:" + trimmed) }
        if trimmed.hasPrefix("#") { return .fragment }
        let (pathPart, fragment) = splitFragment(trimmed)
        let path = percentDecoded(pathPart) ?? pathPart
        if path.hasSuffix(".md") {
            if path.hasPrefix("/") {
                return .contentFile(path: normalise("content" + path), fragment: fragment)
            }
            let folder = currentFile.split(separator: "/").dropLast().joined(separator: "/")
            return .contentFile(path: normalise(folder + "/" + path), fragment: fragment)
        }
        if path.hasPrefix("/") {
            return .sitePath(path: path, fragment: fragment)
        }
        return .unsupportedRelative
    }

    static func splitFragment(_ s: String) -> (String, String?) {
        // In ASCII, `#` is found among the bytes, as in `mailtoProblem`.
        guard let hash = s.isASCIIText ? s.utf8.firstIndex(of: UInt8(ascii: "#")) : s.firstIndex(of: "#") else { return (s, nil) }
        return (String(s[..<hash]), String(s[s.index(after: hash)...]))
    }

    /// Resolves `.` and `..`; a path that climbs out of the site root keeps a leading `..` and so never matches a file.
    static func normalise(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/") {
            if part == "." || part.isEmpty { continue }
            if part == "..", let last = parts.last, last != ".." {
                parts.removeLast()
            } else {
                parts.append(part)
            }
        }
        return parts.joined(separator: "/")
    }
}
