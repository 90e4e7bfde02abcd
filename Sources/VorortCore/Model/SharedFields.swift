/// The stored fields of a content item in one box that copies share. Listing pages, the site's order, the offer
/// export and the reference checks copy offers and contact points by the hundred thousand at 100,000 pages; each copy
/// of a struct of twenty texts retained every one of them (an atomic operation each, on memory no cache holds), which
/// was 2.7 % of a 100k build's time. A copy now retains the box; a change to a shared box copies it first (copy on
/// write), and two values are equal when their fields are, as the plain struct's were.
struct SharedFields<Fields: Equatable & Sendable>: Equatable, Sendable {
    // Unchecked: the box is written only through `fields`' `_modify`, which first makes it unique to the writer.
    private final class Box: @unchecked Sendable {
        var fields: Fields

        init(_ fields: Fields) {
            self.fields = fields
        }
    }

    private var box: Box

    init(_ fields: Fields) {
        box = Box(fields)
    }

    /// The fields to read, or to change in a box of this value's own.
    var fields: Fields {
        _read { yield box.fields }
        _modify {
            if !isKnownUniquelyReferenced(&box) { box = Box(box.fields) }
            yield &box.fields
        }
    }

    static func == (lhs: SharedFields, rhs: SharedFields) -> Bool {
        lhs.box === rhs.box || lhs.box.fields == rhs.box.fields
    }
}
