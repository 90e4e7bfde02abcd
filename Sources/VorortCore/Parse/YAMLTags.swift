import Yams

/// `title: !Neu Sprachcafé` is valid YAML: `!Neu` is a tag (a type), and the value is only „Sprachcafé“. vorort
/// types every value itself, so a tag an editor writes is always text that would be lost.
enum YAMLTags {
    /// Untagged nodes, `! text` and the standard tags (`!!str`): nothing of the text is lost there. Every other
    /// tag on a value is a finding (`YAMLDocument`).
    static func isStandard(_ tag: Tag) -> Bool {
        let name = tag.rawValue
        return name.isEmpty || name == Tag.Name.nonSpecific.rawValue || name.hasPrefix("tag:yaml.org,2002:")
    }
}
