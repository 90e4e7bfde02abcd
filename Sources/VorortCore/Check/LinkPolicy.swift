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
    }

    static let safeSchemes: Set<String> = ["http", "https", "mailto", "tel"]

    static func isWebAddress(_ s: String) -> Bool {
        guard let components = URLComponents(string: s), let scheme = components.scheme?.lowercased(),
            scheme == "http" || scheme == "https", let host = components.host, host.contains(".") || host == "localhost"
        else { return false }
        return !s.contains(where: \.isWhitespace)
    }

    static func isEmailAddress(_ s: String) -> Bool {
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
        if let scheme = scheme(of: trimmed) {
            return safeSchemes.contains(scheme) ? .external(trimmed) : .unsafe(scheme: scheme)
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
