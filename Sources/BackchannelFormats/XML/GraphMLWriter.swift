import BackchannelModel

extension GraphML {
    // MARK: Writing

    /// Writes a network as a GraphML document.
    ///
    /// - Returns: the document (UTF-8 text, two-space indented, newline-terminated; the same network
    ///   always gives the same text) and warnings for anything GraphML cannot hold.
    /// - Complexity: O(n + m + a) for n nodes, m edges and a attribute values (plus sorting the
    ///   distinct attribute names).
    public static func write(_ network: Network) -> (text: String, warnings: [String]) {
        var warnings: [String] = []
        func content(_ s: String, _ what: @autoclosure () -> String) -> String { XMLText.content(s, what(), warnings: &warnings) }
        func attribute(_ s: String, _ what: @autoclosure () -> String) -> String { XMLText.attribute(s, what(), warnings: &warnings) }
        func intType(_ values: [Int]) -> String {
            values.allSatisfy { Int(Int32.min)...Int(Int32.max) ~= $0 } ? "int" : "long"
        }
        func attrType(_ slot: AttributeSlot, _ maps: [[String: AttributeValue]]) -> String {
            switch slot.type {
            case .string: return "string"
            case .double: return "double"
            case .bool: return "boolean"
            case .int:
                return intType(maps.compactMap { if case let .int(i)? = $0[slot.name] { i } else { nil } })
            }
        }
        func keyName(_ name: String, reserved: [String]) -> String {
            reserved.contains(name) || name.hasPrefix("attr.") ? "attr." + name : name
        }

        var keys = ""
        var nextKey = 0
        // The schema types attr.name as an NMTOKEN: a name that is not one is written as one
        // (`Modularity Class` → `Modularity_Class`), with the exact name as the key's <desc>,
        // which ``read(_:file:)`` takes back.
        func declare(_ domain: String, _ name: String, _ type: String) -> String {
            let id = "d\(nextKey)"
            nextKey += 1
            if isNMToken(name) {
                keys += "  <key id=\"\(id)\" for=\"\(domain)\" attr.name=\"\(name)\" attr.type=\"\(type)\"/>\n"
            } else {
                keys += "  <key id=\"\(id)\" for=\"\(domain)\" attr.name=\"\(attribute(nmToken(name), ""))\" attr.type=\"\(type)\">\n"
                keys += "    <desc>\(content(name, "attribute name \(FieldText.quoted(name))"))</desc>\n  </key>\n"
            }
            return id
        }
        // Node ids, and so edge ends, are NMTOKENs too: when any id is not one, every node is
        // written as n0, n1, … (network order) with its id as `id` data (igraph's `v_id`).
        let nodeIDsAsData = !network.nodes.allSatisfy { isNMToken($0.id) }
        var xmlID: [ExactID: String] = [:]
        if nodeIDsAsData {
            for (i, node) in network.nodes.enumerated() where xmlID[ExactID(node.id)] == nil { xmlID[ExactID(node.id)] = "n\(i)" }
        }
        var graphKey: [String: String] = [:]
        for field in graphFields { graphKey[field] = declare("graph", field, "string") }
        var nodeKey: [String: String] = [:]
        // Dates known to the year are integers (as before); a key holding any finer date is a string of ISO dates.
        func dateType(_ dates: [PartialDate]) -> String {
            dates.allSatisfy { $0.precision == .year } ? intType(dates.map(\.year)) : "string"
        }
        let nodeYears = network.nodes.flatMap { [$0.years.start, $0.years.end].compactMap { $0 } }
        if nodeIDsAsData { nodeKey["id"] = declare("node", "id", "string") }
        for field in nodeFields where field != "year" && field != "id" {
            nodeKey[field] = declare("node", field, field == "start" || field == "end" ? dateType(nodeYears) : "string")
        }
        // `confidential` is declared only when some node is, so files without one stay as they were.
        if network.nodes.contains(where: \.confidential) { nodeKey[confidentialField] = declare("node", confidentialField, "boolean") }
        let nodeSlots = AttributeSlot.all(network.nodes.map(\.attributes))
        let nodeSlotKeys = nodeSlots.map {
            declare("node", keyName($0.name, reserved: nodeFields + [confidentialField]), attrType($0, network.nodes.map(\.attributes)))
        }
        var edgeKey: [String: String] = [:]
        let edgeYears = network.edges.flatMap { [$0.years.start, $0.years.end].compactMap { $0 } }
        for field in edgeFields where field != "year" {
            let type =
                switch field {
                case "weight": "double"
                case "start", "end": dateType(edgeYears)
                default: "string"
                }
            edgeKey[field] = declare("edge", field, type)
        }
        let edgeSlots = AttributeSlot.all(network.edges.map(\.attributes))
        let edgeSlotKeys = edgeSlots.map {
            declare("edge", keyName($0.name, reserved: edgeFields), attrType($0, network.edges.map(\.attributes)))
        }

        var out = """
            <?xml version="1.0" encoding="UTF-8"?>
            <graphml xmlns="\(namespace)" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="\(namespace) http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">

            """
        out += keys
        out += "  <graph id=\"G\" edgedefault=\"directed\">\n"
        func data(_ indent: String, _ key: String?, _ text: String) {
            out += "\(indent)<data key=\"\(key!)\">\(text)</data>\n"
        }
        data("    ", graphKey["name"], content(network.name, "the network's name"))
        if let title = network.title { data("    ", graphKey["title"], content(title, "the network's title")) }
        if let d = network.description { data("    ", graphKey["description"], content(d, "the network's description")) }
        if !network.sources.isEmpty {
            let sources = FieldText.sources(network.sources)
            warnings += sources.warnings
            data("    ", graphKey["sources"], content(sources.text, "the network's sources"))
        }

        for node in network.nodes {
            let owner = "node \(FieldText.quoted(node.id))"
            if nodeIDsAsData {
                out += "    <node id=\"\(xmlID[ExactID(node.id)]!)\">\n"
                data("      ", nodeKey["id"], content(node.id, owner + " id"))
            } else {
                out += "    <node id=\"\(attribute(node.id, owner + " id"))\">\n"
            }
            data("      ", nodeKey["label"], content(node.label, owner + " label"))
            data("      ", nodeKey["kind"], node.kind.rawValue)
            if let t = node.track { data("      ", nodeKey["track"], content(t.rawValue, "")) }
            if let s = node.years.start { data("      ", nodeKey["start"], s.text) }
            if let e = node.years.end { data("      ", nodeKey["end"], e.text) }
            if let d = node.description { data("      ", nodeKey["description"], content(d, owner + " description")) }
            if !node.designations.isEmpty {
                let designations = FieldText.designations(node.designations, owner: owner)
                warnings += designations.warnings
                data("      ", nodeKey["designations"], content(designations.text, owner + " designations"))
            }
            if !node.sources.isEmpty { data("      ", nodeKey["sources"], content(FieldText.list(node.sources), owner + " sources")) }
            if node.confidential { data("      ", nodeKey[confidentialField], "true") }
            for (slot, key) in zip(nodeSlots, nodeSlotKeys) {
                guard let value = node.attributes[slot.name], AttributeType(value) == slot.type else { continue }
                data("      ", key, content(value.exactText, "\(owner) attribute \(FieldText.quoted(slot.name))"))
            }
            out += "    </node>\n"
        }
        for (i, edge) in network.edges.enumerated() {
            let owner = "edge \(i) (\(FieldText.quoted(edge.source)) → \(FieldText.quoted(edge.target)))"
            let source = xmlID[ExactID(edge.source)] ?? attribute(edge.source, owner + " source")
            let target = xmlID[ExactID(edge.target)] ?? attribute(edge.target, owner + " target")
            out += "    <edge source=\"\(source)\" target=\"\(target)\">\n"
            if let k = edge.key { data("      ", edgeKey["key"], content(k, owner + " key")) }
            data("      ", edgeKey["relation"], edge.relation.rawValue)
            if let s = edge.support { data("      ", edgeKey["support"], s.rawValue) }
            data("      ", edgeKey["weight"], edge.weight.description)
            if let s = edge.years.start { data("      ", edgeKey["start"], s.text) }
            if let e = edge.years.end { data("      ", edgeKey["end"], e.text) }
            if let d = edge.description { data("      ", edgeKey["description"], content(d, owner + " description")) }
            if !edge.sources.isEmpty { data("      ", edgeKey["sources"], content(FieldText.list(edge.sources), owner + " sources")) }
            for (slot, key) in zip(edgeSlots, edgeSlotKeys) {
                guard let value = edge.attributes[slot.name], AttributeType(value) == slot.type else { continue }
                data("      ", key, content(value.exactText, "\(owner) attribute \(FieldText.quoted(slot.name))"))
            }
            out += "    </edge>\n"
        }
        out += "  </graph>\n</graphml>\n"
        return (out, warnings)
    }
}
