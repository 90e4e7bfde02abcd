/// Writes JSON byte for byte as `JSONEncoder` with `[.prettyPrinted, .sortedKeys]` writes it (two spaces per level,
/// `"key" : value`, `/` written `\/`, other controls as `\u001f`, an empty list as `[`, an empty line, `]`), for the
/// offers' export: JSONEncoder built a tree per offer and was most of a title edit's update in the preview.
/// The caller gives each object's keys in byte order, as `.sortedKeys` sorts them; `OpenDataTests` compares the
/// result with JSONEncoder's.
struct PrettyJSON {
    private(set) var bytes: [UInt8] = []
    /// Per open list or object: whether nothing has been written into it yet.
    private var empty: [Bool] = []
    private let baseDepth: Int

    /// `depth`: the nesting the first value is written at (its closing bracket is indented by it).
    init(depth: Int = 0, capacity: Int = 1024) {
        baseDepth = depth
        bytes.reserveCapacity(capacity)
    }

    mutating func openObject() { open(0x7B) }
    mutating func closeObject() { close(0x7D) }
    mutating func openList() { open(0x5B) }
    mutating func closeList() { close(0x5D) }

    /// Starts the member `name` of the open object; its value follows.
    mutating func key(_ name: StaticString) {
        element()
        bytes.append(0x22)
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(contentsOf: [0x22, 0x20, 0x3A, 0x20]) // `" : `
    }

    /// A string member, left out when nil (as the synthesised `Encodable` leaves out nil optionals).
    mutating func member(_ name: StaticString, _ value: String?) {
        guard let value else { return }
        key(name)
        string(value)
    }

    mutating func member(_ name: StaticString, _ values: [String]?) {
        guard let values else { return }
        key(name)
        openList()
        for value in values {
            element()
            string(value)
        }
        closeList()
    }

    mutating func string(_ value: String) {
        bytes.append(0x22)
        value.withUTF8Bytes { text in
            // Runs of bytes that need no escape are copied at once.
            var start = 0
            for (i, byte) in text.enumerated() where byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0x2F {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[start..<i]))
                start = i + 1
                switch byte {
                case 0x08: bytes.append(contentsOf: [0x5C, 0x62])
                case 0x0C: bytes.append(contentsOf: [0x5C, 0x66])
                case 0x0A: bytes.append(contentsOf: [0x5C, 0x6E])
                case 0x0D: bytes.append(contentsOf: [0x5C, 0x72])
                case 0x09: bytes.append(contentsOf: [0x5C, 0x74])
                case ..<0x20: bytes.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, Self.hexDigits[Int(byte >> 4)], Self.hexDigits[Int(byte & 0xF)]])
                default: bytes.append(contentsOf: [0x5C, byte]) // \" \\ \/
                }
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[start...]))
        }
        bytes.append(0x22)
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    private mutating func open(_ bracket: UInt8) {
        bytes.append(bracket)
        empty.append(true)
    }

    private mutating func close(_ bracket: UInt8) {
        let wasEmpty = empty.removeLast()
        bytes.append(0x0A)
        if wasEmpty { bytes.append(0x0A) }
        indent(empty.count)
        bytes.append(bracket)
    }

    /// Before a value in a list or a key in an object: the comma after the one before, a new line, the indentation.
    private mutating func element() {
        guard let last = empty.indices.last else { return }
        if !empty[last] { bytes.append(0x2C) }
        empty[last] = false
        bytes.append(0x0A)
        indent(empty.count)
    }

    private mutating func indent(_ level: Int) {
        for _ in 0..<(2 * (baseDepth + level)) { bytes.append(0x20) }
    }
}
