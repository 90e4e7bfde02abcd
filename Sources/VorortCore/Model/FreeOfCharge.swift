import Foundation

/// Whether an offer's `cost:` says it is free of charge („kostenlos“), decided once at build time from the German
/// original (translations only carry the words; the fact is the original's). The offer directory marks such cards
/// with `data-kostenlos`, so its filter needs no string matching in the browser.
///
/// Editors write the cost as a sentence, so the decision reads it as one: the text must say it is free
/// („kostenlos“, „kostenfrei“, „gebührenfrei“, „kostet nichts“, „Eintritt frei“, „0 €“ …) and must name nothing the
/// participant pays — no amount above zero („ab 6 Euro im Monat“, „2,29 €“) and no contribution („Beitrag“,
/// „Eigenanteil“, „Selbstkostenpreis“). „Probetraining kostenlos; Beitrag ab 6 Euro“ is therefore not free, while
/// „kostenlos, Spenden willkommen“ is (a donation is voluntary), and so is „Die Beratung ist kostenlos. Für das
/// Anerkennungsverfahren können Gebühren anfallen“: fees without an amount belong to something else than the offer.
/// In doubt the answer is „not free“: a resident who filters for free offers must not meet a bill, while the card
/// still shows every offer's cost in words.
public enum FreeOfCharge {
    public static func decide(_ cost: String?) -> Bool {
        guard let cost else { return false }
        let text = normalized(cost)
        guard !text.isEmpty else { return false }
        let amounts = moneyAmounts(in: text)
        if amounts.contains(where: { $0 > 0 }) { return false }
        // The free words are taken out first: „beitragsfrei“ names no contribution.
        let rest = freeWords.reduce(text) { $0.replacingOccurrences(of: $1, with: " ") }
        if paymentWords.contains(where: { rest.contains($0) }) { return false }
        if !amounts.isEmpty { return true }  // "0 €", "0,00 Euro": nothing but a zero amount
        return freeWords.contains { text.contains($0) } || freePattern.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    /// Lowercase, one kind of space, hyphens inside words removed: „Kosten-los“ in Leichte Sprache is „kostenlos“.
    static func normalized(_ text: String) -> String {
        var result = ""
        var previous: Character = " "
        let characters = Array(text.precomposedStringWithCanonicalMapping.lowercased())
        for (index, character) in characters.enumerated() {
            if character == "\u{AD}" { continue }
            if character == "-" || character == "\u{2011}", previous.isLetter, index + 1 < characters.count, characters[index + 1].isLetter { continue }
            let c: Character = character.isWhitespace ? " " : character
            if c == " ", previous == " " { continue }
            result.append(c)
            previous = c
        }
        return result.trimmingCharacters(in: .whitespaces)
    }

    static let freeWords = [
        "kostenlos", "kostenfrei", "gebührenfrei", "entgeltfrei", "beitragsfrei", "unentgeltlich", "gratis", "umsonst",
        "kostet nichts", "kosten nichts", "kostet sie nichts", "kosten sie nichts", "keine kosten", "ohne kosten",
    ]

    /// „Eintritt frei“, „Teilnahme ist frei“: „frei“ alone is too common a word („freie Plätze“, „Freizeit“).
    static let freePattern = try! NSRegularExpression(pattern: #"\b(eintritt|teilnahme)( ist)? frei\b"#)

    /// Words that mean the participant pays something. „Gebühr“ is left out on purpose (see the type's comment);
    /// a fee with an amount is caught by the amount.
    static let paymentWords = ["beitrag", "eigenanteil", "selbstkosten", "teilnahmegebühr", "kursgebühr", "zuzahlung", "unkostenbeitrag"]

    /// Amounts of money: `5 Euro`, `2,29 €`, `€ 10`, `30 EUR`, `50 Cent`, as numbers (`2,29` → 2.29).
    static func moneyAmounts(in text: String) -> [Double] {
        let range = NSRange(text.startIndex..., in: text)
        return moneyPattern.matches(in: text, range: range).compactMap { match in
            let group = match.range(at: 1).location != NSNotFound ? 1 : 2
            guard let r = Range(match.range(at: group), in: text) else { return nil }
            return Double(text[r].replacingOccurrences(of: ".", with: "").replacingOccurrences(of: ",", with: "."))
        }
    }

    static let moneyPattern = try! NSRegularExpression(
        pattern: #"(\d+(?:[.,]\d+)*) ?(?:€|euro\b|eur\b|cent\b|ct\b)|€ ?(\d+(?:[.,]\d+)*)"#)
}
