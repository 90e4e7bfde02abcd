/// Failures that are not findings in the content: the output folder cannot be written, a template broke.
/// The command line reports them with exit code 2.
public enum BuildError: Error, CustomStringConvertible, Equatable {
    case outputNotReplaceable(String)
    case writeFailed(String)
    case internalError(String)

    public var description: String {
        switch self {
        case .outputNotReplaceable(let why): "Der Ausgabeordner wird nicht ersetzt: \(why)"
        case .writeFailed(let why): "Die Website konnte nicht geschrieben werden: \(why)"
        case .internalError(let why): "Interner Fehler: \(why)"
        }
    }
}
