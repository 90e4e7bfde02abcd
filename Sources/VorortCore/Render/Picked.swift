/// Some items of a list, picked by their positions in it. The groups of `SiteOrder` (offers by owner, by category,
/// by contact point …) point into one sorted list instead of each holding copies of the items: at 100,000 pages the
/// copies were 260 MB, almost half of the memory while pages rendered.
struct Picked<Item: Sendable>: RandomAccessCollection, ExpressibleByArrayLiteral, Sendable {
    private let list: [Item]
    private let positions: [Int]

    init(_ positions: [Int], of list: [Item]) {
        self.list = list
        self.positions = positions
    }

    /// `[]` where a group is missing (`offersByCategory[slug] ?? []`).
    init(arrayLiteral items: Item...) { self.init(Array(items.indices), of: items) }

    var startIndex: Int { 0 }
    var endIndex: Int { positions.count }
    subscript(position: Int) -> Item { list[positions[position]] }

    /// The items of `list` grouped by their keys (`keys[i]` is the key of `list[i]`; nil: in no group), each group in
    /// the order of the list. The keys come as a list, not a closure: calling a closure with each item copied the item.
    static func grouped<Key: Hashable>(_ list: [Item], keys: [Key?]) -> [Key: Picked<Item>] {
        var positions: [Key: [Int]] = [:]
        for (position, key) in keys.enumerated() {
            if let key { positions[key, default: []].append(position) }
        }
        return positions.mapValues { Picked($0, of: list) }
    }
}
