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
        let rest = url.drop { $0 != ":" }.dropFirst()
        let address = rest.prefix { $0 != "?" }
        let decodedAddress = String(address).removingPercentEncoding ?? String(address)
        if let query = rest.firstIndex(of: "?").map({ rest[rest.index(after: $0)...] }) {
            for parameter in query.split(separator: "&") {
                let name = (parameter.split(separator: "=", maxSplits: 1).first.map(String.init) ?? "").lowercased()
                let decodedName = name.removingPercentEncoding ?? name
                if decodedName != "subject" && decodedName != "body" {
                    return "Der E-Mail-Link fügt mit `\(decodedName)=` weitere Empfänger oder Angaben hinzu, die niemand sieht."
                }
            }
        }
        if !isEmailAddress(decodedAddress) {
            return "`\(decodedAddress)` ist keine einzelne gültige E-Mail-Adresse."
        }
        return nil
    }

    static let safeSchemes: Set<String> = ["http", "https", "mailto", "tel"]

    /// Characters that make an address look other than it is, or that no address holds: controls, bidirectional
    /// overrides and isolates (`U+202E` turns `exe.gpj` into `jpg.exe` on screen), zero-width and other format characters.
    static func hasDisguisingCharacter(_ s: String) -> Bool {
        s.unicodeScalars.contains(where: isDisguising)
    }

    static func isDisguising(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.properties.generalCategory == .format
    }

    static func isWebAddress(_ s: String) -> Bool {
        guard !hasDisguisingCharacter(s), let components = URLComponents(string: s), let scheme = components.scheme?.lowercased(),
            scheme == "http" || scheme == "https", let host = components.host, host.contains(".") || host == "localhost"
        else { return false }
        return !s.contains(where: \.isWhitespace)
    }

    static func isEmailAddress(_ s: String) -> Bool {
        guard !hasDisguisingCharacter(s), !s.contains("?"), !s.lowercased().hasPrefix("mailto:") else { return false }
        let parts = s.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !parts[1].hasPrefix("."), !parts[1].hasSuffix(".") else { return false }
        return !s.contains(where: { $0.isWhitespace || $0 == "<" || $0 == ">" || $0 == "\"" || $0 == "," })
    }

    /// The scheme of a URL as browsers see it: control characters and whitespace are ignored by them,
    /// so `java\tscript:` is still `javascript:`.
    static func scheme(of url: String) -> String? {
        let cleaned = String(url.unicodeScalars.filter { $0.value > 0x20 && $0.value != 0x7F })
        guard let colon = cleaned.firstIndex(of: ":") else { return nil }
        let candidate = cleaned[..<colon]
        if candidate.contains("/") || candidate.contains("?") || candidate.contains("#") { return nil }
        guard let first = candidate.unicodeScalars.first, CharacterSet.letters.contains(first) else { return nil }
        return candidate.lowercased()
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
        let path = pathPart.removingPercentEncoding ?? pathPart
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

    private static func splitFragment(_ s: String) -> (String, String?) {
        guard let hash = s.firstIndex(of: "#") else { return (s, nil) }
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
