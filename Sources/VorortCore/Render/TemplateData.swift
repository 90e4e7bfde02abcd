import Mustache

/// Something a template can look keys up in: typed template data, the page's root (page over layout), the theme's
/// words. The template engine (`TemplateRendering`) asks it by name and gets a typed value, no `Any` to cast.
///
/// A class, so that a `TemplateValue` holding one is a reference the engine copies with one retain. An existential of
/// any type made `TemplateValue` a value of unknown size: every look-up down the context stack and every value
/// written was copied through its value witness (2 % of a build's instructions). Template data that is a struct
/// stands on the stack in a `TemplateDataScope`.
protocol TemplateScope: AnyObject {
    /// The value of the key `key`, nil when this scope does not have it (the engine then looks further down the
    /// context stack, as Mustache does).
    func templateValue(_ key: TemplateKey) -> TemplateValue?
}

/// A key's name with its hash, made once when a template is parsed: a look-up compares the hashes of a type's fields
/// (plain integers) and the name only where one matches. Comparing names alone took a call per field that did not
/// match, and copying each field retained its name and closures.
struct TemplateKey: Sendable {
    let name: String
    let hash: UInt64

    init(_ name: String) {
        self.name = name
        var name = name
        hash = name.withUTF8 { FNV1a.hash(UnsafeRawBufferPointer($0)) }
    }
}

/// Typed data for the Mustache templates. Each type declares its keys once, as a list of fields: the same list
/// answers the template engine's look-ups and tells `vorort check` which keys a template may use
/// (`TemplateKeyCheck`), so the data and the known keys cannot drift apart. `MustacheParent` lets swift-mustache
/// render the same data: it checks the theme's syntax and is the reference the engine is tested against.
protocol TemplateData: MustacheParent, Sendable {
    static var fields: TemplateFields<Self> { get }
    /// A requirement, so that each type's look-up is compiled for that type (`PageRoot` and `TemplateDataScope` ask
    /// through it); the extension below gives it.
    func templateValue(_ key: TemplateKey) -> TemplateValue?
    /// `value` as it stands on the template's context stack: itself for a class that is a `TemplateScope`, a
    /// `TemplateDataScope` around it otherwise.
    static func scope(of value: Self) -> any TemplateScope
}

extension TemplateData {
    func templateValue(_ key: TemplateKey) -> TemplateValue? { Self.fields.value(key, of: self) }

    func child(named name: String) -> Any? { templateValue(TemplateKey(name))?.mustacheValue }

    static var keys: TemplateKeys { fields.keys }

    static func scope(of value: Self) -> any TemplateScope { TemplateDataScope(value) }
}

extension TemplateData where Self: TemplateScope {
    static func scope(of value: Self) -> any TemplateScope { value }
}

/// Template data that is a struct, on the context stack. Made when a section opens it, as the existential that
/// held it before was (a struct of more than three words is boxed).
final class TemplateDataScope<Data: TemplateData>: TemplateScope, MustacheParent, CustomStringConvertible {
    let data: Data

    init(_ data: Data) {
        self.data = data
    }

    func templateValue(_ key: TemplateKey) -> TemplateValue? { data.templateValue(key) }

    func child(named name: String) -> Any? { data.child(named: name) }

    /// `{{.}}` over it writes the data, as Mustache writes any value.
    var description: String { String(describing: data) }
}

/// What a template key holds: the kinds of `TemplateField` as values.
enum TemplateValue {
    case text(String)
    /// Text that is already UTF-8 bytes: a body's HTML, which cmark writes as bytes; it behaves as `.text` of these
    /// bytes would, without making a String of every body (1.4 % of a build's instructions).
    case html([UInt8])
    case number(Int)
    case flag(Bool)
    case texts([String])
    /// A value with keys of its own (a card, a link, the theme's words).
    case scope(any TemplateScope)
    case list(any TemplateList)
    /// A theme word with placeholders, rendered in the context it is used in (`ThemeWords`).
    case word(ThemeWord)

    /// The value as swift-mustache reads it (arrays, strings, numbers, objects with `child(named:)`, lambdas).
    var mustacheValue: Any {
        switch self {
        case .text(let text): text
        case .html(let bytes): String(decoding: bytes, as: UTF8.self)
        case .number(let number): number
        case .flag(let flag): flag
        case .texts(let texts): texts
        case .scope(let scope): scope
        case .list(let list): list.mustacheValue
        case .word(let word): word.lambda
        }
    }
}

/// A list of values with keys, without knowing their type; a class for the reason `TemplateScope` is one.
protocol TemplateList: AnyObject {
    var count: Int { get }
    func item(at index: Int) -> any TemplateScope
    var mustacheValue: Any { get }
}

/// The items of a list field.
final class TemplateDataList<Data: TemplateData>: TemplateList {
    let items: [Data]

    init(_ items: [Data]) {
        self.items = items
    }

    var count: Int { items.count }
    func item(at index: Int) -> any TemplateScope { Data.scope(of: items[index]) }
    var mustacheValue: Any { items }
}

/// What a key holds, as far as the check of the templates needs to know it.
enum TemplateKind: Sendable {
    /// Text, a number or a date: written with `{{key}}`; a section over it renders once (Mustache's truthiness).
    case value
    /// `true`/`false`: a section renders or not, nothing is put on the context stack.
    case flag
    /// Lists of text: `{{.}}` inside a section.
    case values
    /// A nested value with its own keys (`{{owner.name}}`, `{{#owner}}…{{/owner}}`).
    case object(TemplateKeys)
    /// A list of values with keys; a section renders once per item.
    case list(TemplateKeys)
    /// The theme's words (`t.…`): checked against the strings files by `Theme.unknownWords`.
    case words
}

/// The keys one type of template data provides, in the order they are declared.
struct TemplateKeys: Sendable {
    let names: [String]
    private let kinds: [String: @Sendable () -> TemplateKind]

    init(_ entries: [(String, @Sendable () -> TemplateKind)]) {
        names = entries.map(\.0)
        kinds = Dictionary(entries, uniquingKeysWith: { first, _ in first })
    }

    /// The kind of a key, nil when the type does not provide it. Kinds of nested types are worked out on demand.
    func kind(_ name: String) -> TemplateKind? { kinds[name]?() }

    /// Both types' keys; `first`'s kind wins where both have one (the page's data over the layout's).
    static func merging(_ first: TemplateKeys, _ second: TemplateKeys) -> TemplateKeys {
        TemplateKeys(first.names.map { name in (name, { first.kind(name)! }) }
            + second.names.filter { first.kind($0) == nil }.map { name in (name, { second.kind(name)! }) })
    }
}

/// One key of a type of template data: its name, what it holds, and how to get its value. A value of nil means
/// "not there", so the template engine looks further down the context stack, as it did for missing dictionary keys.
struct TemplateField<Root>: Sendable {
    let name: String
    let kind: @Sendable () -> TemplateKind
    let value: @Sendable (Root) -> TemplateValue?

    static func text(_ name: String, _ get: @escaping @Sendable (Root) -> String?) -> Self {
        Self(name: name, kind: { .value }, value: { get($0).map(TemplateValue.text) })
    }

    static func html(_ name: String, _ get: @escaping @Sendable (Root) -> [UInt8]?) -> Self {
        Self(name: name, kind: { .value }, value: { get($0).map(TemplateValue.html) })
    }

    static func number(_ name: String, _ get: @escaping @Sendable (Root) -> Int?) -> Self {
        Self(name: name, kind: { .value }, value: { get($0).map(TemplateValue.number) })
    }

    static func flag(_ name: String, _ get: @escaping @Sendable (Root) -> Bool?) -> Self {
        Self(name: name, kind: { .flag }, value: { get($0).map(TemplateValue.flag) })
    }

    static func texts(_ name: String, _ get: @escaping @Sendable (Root) -> [String]?) -> Self {
        Self(name: name, kind: { .values }, value: { get($0).map(TemplateValue.texts) })
    }

    static func object<T: TemplateData>(_ name: String, _ get: @escaping @Sendable (Root) -> T?) -> Self {
        Self(name: name, kind: { .object(T.keys) }, value: { get($0).map { TemplateValue.scope(T.scope(of: $0)) } })
    }

    static func list<T: TemplateData>(_ name: String, _ get: @escaping @Sendable (Root) -> [T]?) -> Self {
        Self(name: name, kind: { .list(T.keys) }, value: { get($0).map { TemplateValue.list(TemplateDataList($0)) } })
    }

    static func words(_ name: String, _ get: @escaping @Sendable (Root) -> ThemeWords) -> Self {
        Self(name: name, kind: { .words }, value: { TemplateValue.scope(get($0)) })
    }
}

/// The fields of one type, declared once in the type (`static let fields`).
struct TemplateFields<Root>: Sendable {
    private let fields: [TemplateField<Root>]
    /// The names' `TemplateKey` hashes, in the order of `fields`.
    private let hashes: [UInt64]
    /// An open-addressed table from a key's hash to its position in `fields` (-1: empty), at most half full. A page's
    /// data has some 60 keys with the layout's, and most look-ups miss on the way down the context stack: the search
    /// through every hash was 1 % of a build's instructions. Fields are entered in their order, so of two with one
    /// name the first is found, as it was.
    private let slots: [Int32]

    init(_ fields: [TemplateField<Root>]) {
        self.fields = fields
        hashes = fields.map { TemplateKey($0.name).hash }
        var size = 8
        while size < fields.count * 2 { size *= 2 }
        var slots = [Int32](repeating: -1, count: size)
        for (index, hash) in hashes.enumerated() {
            var slot = TemplateFields.slot(hash, size: size)
            while slots[slot] >= 0 { slot = (slot + 1) & (size - 1) }
            slots[slot] = Int32(index)
        }
        self.slots = slots
    }

    @inline(__always)
    private static func slot(_ hash: UInt64, size: Int) -> Int { Int(truncatingIfNeeded: hash ^ (hash >> 29)) & (size - 1) }

    /// Fields are read in place.
    func value(_ key: TemplateKey, of root: Root) -> TemplateValue? {
        slots.withUnsafeBufferPointer { slots in
            hashes.withUnsafeBufferPointer { hashes in
                fields.withUnsafeBufferPointer { fields in
                    var slot = TemplateFields.slot(key.hash, size: slots.count)
                    while true {
                        let index = Int(slots[slot])
                        if index < 0 { return nil }
                        if hashes[index] == key.hash && fields[index].name == key.name { return fields[index].value(root) }
                        slot = (slot + 1) & (slots.count - 1)
                    }
                }
            }
        }
    }

    var keys: TemplateKeys { TemplateKeys(fields.map { ($0.name, $0.kind) }) }

    /// These fields read through a type that embeds `Root` (a page showing an offer has the keys of the offer's card).
    func embedded<Outer>(in get: @escaping @Sendable (Outer) -> Root) -> [TemplateField<Outer>] {
        fields.map { field in
            let value = field.value
            return TemplateField<Outer>(name: field.name, kind: field.kind, value: { value(get($0)) })
        }
    }
}

/// The theme's words with placeholders (`{{t.offersIn}}` → "Angebote in {{name}}"), which the template engine
/// escapes and then fills from the context they are used in, as Mustache does with a lambda's text. The plain words
/// are already in the templates (`Theme.localised`). Made once per language.
final class ThemeWords: TemplateScope, MustacheParent, Sendable {
    private let words: [String: ThemeWord]

    init(_ strings: ThemeStrings) {
        words = strings.wordsWithPlaceholders.mapValues(ThemeWord.init)
    }

    func templateValue(_ key: TemplateKey) -> TemplateValue? { words[key.name].map(TemplateValue.word) }

    func child(named name: String) -> Any? { words[name]?.lambda }
}

/// One word with placeholders, parsed as a template once: escaped for `{{t.key}}` (Mustache escapes a lambda's
/// text before it reads it as a template), as it is for `{{{t.key}}}` and sections.
struct ThemeWord: @unchecked Sendable {
    // MustacheLambda holds a closure that is not marked Sendable; this one only returns constant text.
    let lambda: MustacheLambda
    let text: String
    /// nil when the text is no valid template: Mustache then writes nothing.
    let escaped: TemplateProgram?
    let unescaped: TemplateProgram?

    init(_ text: String) {
        self.text = text
        lambda = MustacheLambda { text }
        escaped = TemplateProgram.parse(TemplateEscaping.vorortHTML.escape(text))
        unescaped = TemplateProgram.parse(text)
    }
}
