import Yams

/// `title: !Neu Sprachcafé` is valid YAML: `!Neu` is a tag (a type), and the value is only „Sprachcafé“. vorort
/// types every value itself, so a tag an editor writes is always text that would be lost.
enum YAMLTags {
    /// Untagged nodes, `! text` and the standard tags (`!!str`): nothing of the text is lost there.
    private static func isStandard(_ tag: Tag) -> Bool {
        let name = tag.rawValue
        return name.isEmpty || name == Tag.Name.nonSpecific.rawValue || name.hasPrefix("tag:yaml.org,2002:")
    }

    static func explicitlyTagged(in root: Node) -> [Node] {
        var found: [Node] = []
        var pending: [Node] = [root]
        while let node = pending.popLast() {
            if !isStandard(node.tag) { found.append(node) }
            switch node {
            case .mapping(let mapping): pending += mapping.map(\.value).reversed()
            case .sequence(let sequence): pending += sequence.reversed()
            case .scalar, .alias: continue
            }
        }
        return found
    }
}
