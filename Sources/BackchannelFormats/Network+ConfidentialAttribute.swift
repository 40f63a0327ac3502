import BackchannelModel

extension Network {
    /// The network with every node attribute named `confidential` (any case) read as the
    /// confidential mark and removed from the attributes.
    ///
    /// Readers that know the mark (canonical JSON, CSV sheets, GraphML and GEXF keys named
    /// `confidential`) set it themselves; this catches the other ways a file can carry it: a plain
    /// NetworkX node's top-level field, a typed JSON `attributes` entry, a GraphML key
    /// `Confidential`, a DOT attribute. The value is a boolean, the text `true`, `yes` or `1` (any
    /// case) or `false`, `no`, `0` or empty as in CSV sheets, or the integer 1 or 0; a node already
    /// marked stays marked.
    ///
    /// - Throws: ``FormatError/malformed(file:line:column:message:)`` naming the node, the
    ///   attribute and the value when the value is none of these.
    /// - Complexity: O(n · a) for n nodes with a attributes each.
    public func promotingConfidentialAttributes(file: String) throws(FormatError) -> Network {
        var out = self
        for (i, node) in nodes.enumerated() {
            let keys = node.attributes.keys.filter { $0.lowercased() == "confidential" }.sorted()
            guard !keys.isEmpty else { continue }
            var flag = node.confidential
            for key in keys {
                let value = node.attributes[key]!
                let read: Bool? =
                    switch value {
                    case let .bool(b): b
                    case let .int(n): n == 1 ? true : n == 0 ? false : nil
                    case let .string(s):
                        switch FieldText.trimmed(s).lowercased() {
                        case "true", "yes", "1": true
                        case "false", "no", "0", "": false
                        default: nil
                        }
                    case .double: nil
                    }
                guard let read else {
                    throw .malformed(
                        file: file, line: 0, column: 0,
                        message:
                            "node \(FieldText.quoted(node.id)) (nodes[\(i)]) attribute \(FieldText.quoted(key)): \(FieldText.quoted(value.text)) is not true or false"
                    )
                }
                flag = flag || read
                out.nodes[i].attributes[key] = nil
            }
            out.nodes[i].confidential = flag
        }
        return out
    }
}
