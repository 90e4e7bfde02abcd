/// Failures that are not findings in the content: the output folder cannot be written, a template broke.
/// The command line reports them with exit code 2.
public enum BuildError: Error, CustomStringConvertible, Equatable {
    case outputNotReplaceable(String)
    case writeFailed(String)
    /// The search index could not be built (Pagefind failed or ran out of time); nothing was swapped in.
    case searchFailed(String)
    case internalError(String)
    /// A content file changed between the check and the rendering of its page; nothing was swapped in.
    case contentChanged(String)

    public var description: String {
        switch self {
        case .outputNotReplaceable(let why): "Der Ausgabeordner wird nicht ersetzt: \(why)"
        case .writeFailed(let why): "Die Website konnte nicht geschrieben werden: \(why)"
        case .searchFailed(let why): "Der Suchindex konnte nicht erstellt werden: \(why)"
        case .internalError(let why): "Interner Fehler: \(why)"
        case .contentChanged(let file): "Die Datei \(file) wurde während des Bauens geändert; bitte erneut bauen."
        }
    }
}
