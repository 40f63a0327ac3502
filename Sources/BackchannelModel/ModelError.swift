/// One problem found in an input, with where it is.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    /// The file, when the network was read from one.
    public var file: String?
    public var line: Int?
    public var column: Int?
    /// Where in the input, in its format's terms: a JSON path such as `$.nodes[3].kind`, a CSV
    /// column (`column "end"`), a GraphML element; empty when the line and column say it all.
    public var path: String
    /// What is wrong, quoting the offending value.
    public var message: String

    public init(file: String? = nil, line: Int? = nil, column: Int? = nil, path: String, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.path = path
        self.message = message
    }

    /// `file:line:column: path: message`, leaving out what is unknown or empty.
    public var description: String {
        var place = file ?? "<input>"
        if let line { place += ":\(line)" }
        if let column { place += ":\(column)" }
        return path.isEmpty ? "\(place): \(message)" : "\(place): \(path): \(message)"
    }
}

/// Errors of the model module: reading, decoding and validating networks.
public enum ModelError: Error, Sendable, CustomStringConvertible {
    /// The file could not be read at all.
    case unreadable(file: String, reason: String)
    /// The text is not JSON.
    case malformedJSON(file: String?, line: Int, column: Int, message: String)
    /// The JSON is well formed but does not describe a valid network; every problem found is listed.
    case invalid([Diagnostic])

    public var description: String {
        switch self {
        case let .unreadable(file, reason):
            return "\(file): cannot read: \(reason)"
        case let .malformedJSON(file, line, column, message):
            return "\(file ?? "<input>"):\(line):\(column): not valid JSON: \(message)"
        case let .invalid(diagnostics):
            let shown = diagnostics.prefix(50).map(\.description)
            let more = diagnostics.count > 50 ? ["… and \(diagnostics.count - 50) more problems"] : []
            return (shown + more).joined(separator: "\n")
        }
    }

    /// The problems, for ``invalid(_:)``; empty otherwise.
    public var diagnostics: [Diagnostic] {
        if case let .invalid(d) = self { return d }
        return []
    }
}

/// The edit distance between two short strings, for "did you mean" suggestions.
public func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
        current[0] = i
        for j in 1...b.count {
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        swap(&previous, &current)
    }
    return previous[b.count]
}

/// `" (did you mean 'x'?)"` when one of `candidates` is close to `word` (ignoring case), else `""`.
public func suggestion(for word: String, among candidates: [String]) -> String {
    guard word.count < 64 else { return "" }
    let best = candidates.map { ($0, editDistance(word.lowercased(), $0.lowercased())) }.min { $0.1 < $1.1 }
    guard let best, best.1 <= max(2, word.count / 3) else { return "" }
    return " (did you mean '\(best.0)'?)"
}
