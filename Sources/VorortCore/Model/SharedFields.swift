/// The stored fields of a content item in one box that copies share. Listing pages, the site's order, the offer
/// export and the reference checks copy offers and contact points by the hundred thousand at 100,000 pages; each copy
/// of a struct of twenty texts retained every one of them (an atomic operation each, on memory no cache holds), which
/// was 2.7 % of a 100k build's time. A copy now retains the box; a change to a shared box copies it first.
final class SharedFields<Fields: Sendable>: @unchecked Sendable {
    // Unchecked: the box is written only through `Fields.modify`, which first makes it unique to the writer.
    var fields: Fields

    init(_ fields: Fields) {
        self.fields = fields
    }
}
