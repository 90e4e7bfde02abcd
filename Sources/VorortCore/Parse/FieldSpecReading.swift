/// Reading a declared key (`FieldSpec`): whether it is required and the example for hints come from the
/// declaration, so the schema of a type is written once.
extension YAMLMapReader {
    func text(_ field: FieldSpec) -> String? { text(field.key, required: field.required, example: field.example) }
    func located(_ field: FieldSpec) -> Located<String>? { located(field.key, required: field.required, example: field.example) }
    func date(_ field: FieldSpec) -> CalendarDate? { date(field.key, required: field.required) }
    func locatedDate(_ field: FieldSpec) -> Located<CalendarDate>? { locatedDate(field.key, required: field.required) }
    func textList(_ field: FieldSpec) -> [String] { textList(field.key, required: field.required, example: field.example) }
    func locatedList(_ field: FieldSpec) -> [Located<String>]? { locatedList(field.key, required: field.required, example: field.example) }
    func integer(_ field: FieldSpec) -> Int? { integer(field.key, required: field.required, example: field.example) }
    func url(_ field: FieldSpec) -> String? { url(field.key, required: field.required) }
    func locatedURL(_ field: FieldSpec) -> Located<String>? { locatedURL(field.key, required: field.required) }
    func email(_ field: FieldSpec) -> String? { email(field.key, required: field.required) }
    func choice<T: RawRepresentable & CaseIterable>(_ field: FieldSpec, of type: T.Type) -> T? where T.RawValue == String {
        choice(field.key, of: type, required: field.required)
    }
    func map<T>(_ field: FieldSpec, _ read: (YAMLMapReader) -> T?) -> T? {
        map(field.key, required: field.required, example: field.example, read)
    }
}
