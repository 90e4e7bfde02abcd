/// Numbers as German readers write them: `18.450`, `3,5`; other languages pass their own separators.
enum GermanFormat {
    static func number(_ value: Double, grouping: String = ".", decimal: String = ",") -> String {
        // The parser refuses larger values; this keeps the conversion to Int safe all the same.
        guard value.isFinite, abs(value) < 1e15 else { return String(value) }
        if value == value.rounded() {
            return grouped(Int(value), separator: grouping)
        }
        let rounded = (value * 100).rounded() / 100
        let integerPart = Int(rounded.rounded(.towardZero))
        var fraction = String(Int((abs(rounded - Double(integerPart)) * 100).rounded()))
        if fraction.count < 2 { fraction = "0" + fraction }
        while fraction.hasSuffix("0") { fraction.removeLast() }
        let sign = rounded < 0 && integerPart == 0 ? "-" : ""
        return sign + grouped(integerPart, separator: grouping) + (fraction.isEmpty ? "" : decimal + fraction)
    }

    static func grouped(_ value: Int, separator: String = ".") -> String {
        let digits = String(abs(value))
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out += separator }
            out.append(digit)
        }
        return (value < 0 ? "-" : "") + out
    }
}
