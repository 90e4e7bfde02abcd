/// Rewrites text scalar by scalar, the one loop behind vorort's escapers (HTML, XML, iCalendar, CSV, workflow
/// commands) and the cleaning of control characters. On Unicode scalars, never on `Character`s: `"\r\n"` and a
/// quote followed by a combining mark are single Characters that a Character-wise escaper lets through unchanged.
enum ScalarRewriter {
    /// `replacement` returns what stands for a scalar, or nil to keep it.
    @inline(__always)
    static func rewrite(_ text: String, _ replacement: (Unicode.Scalar) -> String?) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if let replaced = replacement(scalar) {
                out.append(contentsOf: replaced.unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }
}
