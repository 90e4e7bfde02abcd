/// A group of wording rules on the published guideline page, e.g. "Naturkatastrophen-Metaphern".
public struct LintCategory: Sendable, Hashable {
    public var id: String
    public var title: String
    public var description: String
}

/// One rule of the culture-sensitive wording lint, written as data (see docs/lint.md).
public struct LintRule: Sendable {
    /// Stable, hand-written id that editors cite in suppressions, e.g. `asylant`.
    public var id: String
    public var category: String
    /// nil: switched off by the site.
    public var severity: Severity?
    /// The words as editors know them, for messages and the guideline page: "Asylant, Asylantin, Asylantenheim".
    public var label: String
    var terms: [TermPattern]
    /// Why the wording hurts, in German.
    public var explanation: String
    public var alternatives: [String]
    public var source: String?
    var exceptions: [TermPattern]
    public var examplesFlagged: [String]
    public var examplesClean: [String]
    /// Where the rule was defined (`lint/eigene.yml` or the built-in file).
    public var definedIn: String

    public var termSources: [String] { terms.map(\.source) }
}
