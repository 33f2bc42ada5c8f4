import Foundation
import Models
import Yams

/// A register document as YAML (docs/contracts.md): turned into the JSON the service reads,
/// and a field the service names (`register.contracten[1].normen.minSlagingProcent`) turned
/// back into the line of the file it came from. The CLI checks nothing else: the rules live
/// in the service alone.
struct RegisterYAML {
    let root: Node

    /// Parses `text`; a syntax error is one line naming the file's line and column.
    init(_ text: String, file: String) throws(CtlFailure) {
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw CtlFailure("\(file):\(Self.describe(error))")
        } catch {
            throw CtlFailure("\(file): not YAML: \(error)")
        }
        guard let node else { throw CtlFailure("\(file): the file is empty") }
        root = node
    }

    /// The document as JSON values: plain scalars by their YAML type (a number, true/false,
    /// null), quoted ones and dates as strings.
    func json() throws(CtlFailure) -> JSONValue { try Self.json(root) }

    /// The line of the field at `path`, or of the nearest part of it that is in the file
    /// (for a field that is missing, its parent's).
    func line(of path: String) -> Int? {
        var node = root
        var line = root.mark?.line
        for step in Self.steps(path).drop(while: { $0 == .key("register") }) {
            switch (step, node) {
            case (.key(let name), .mapping(let mapping)):
                guard let pair = mapping.first(where: { $0.key.string == name }) else { return line }
                node = pair.value
                line = pair.key.mark?.line ?? line
            case (.index(let index), .sequence(let sequence)) where index < sequence.count:
                node = sequence[index]
                line = node.mark?.line ?? line
            default:
                return line
            }
        }
        return line
    }

    enum Step: Equatable {
        case key(String)
        case index(Int)
    }

    /// `a.b[2].c` as its steps.
    static func steps(_ path: String) -> [Step] {
        var steps: [Step] = []
        for part in path.split(separator: ".") {
            var rest = Substring(part)
            if let open = rest.firstIndex(of: "[") {
                if open > rest.startIndex { steps.append(.key(String(rest[..<open]))) }
                rest = rest[open...]
                while rest.hasPrefix("["), let close = rest.firstIndex(of: "]") {
                    if let index = Int(rest[rest.index(after: rest.startIndex)..<close]) { steps.append(.index(index)) }
                    rest = rest[rest.index(after: close)...]
                }
            } else {
                steps.append(.key(String(rest)))
            }
        }
        return steps
    }

    private static func json(_ node: Node) throws(CtlFailure) -> JSONValue {
        switch node {
        case .scalar(let scalar):
            guard scalar.style == .plain || scalar.style == .any else { return .string(scalar.string) }
            switch Tag.Name(rawValue: node.tag.rawValue) {
            case .null: return .null
            case .bool: return node.bool.map(JSONValue.bool) ?? .string(scalar.string)
            case .int: return node.int.map { .integer(Int64($0)) } ?? .string(scalar.string)
            case .float: return node.float.map(JSONValue.number) ?? .string(scalar.string)
            default: return .string(scalar.string)
            }
        case .mapping(let mapping):
            var object: [String: JSONValue] = [:]
            for (key, value) in mapping {
                guard let name = key.string else { throw CtlFailure("line \(key.mark?.line ?? 0): a key must be a name") }
                object[name] = try json(value)
            }
            return .object(object)
        case .sequence(let sequence):
            var items: [JSONValue] = []
            for item in sequence { items.append(try json(item)) }
            return .array(items)
        case .alias(let alias):
            throw CtlFailure("line \(alias.mark?.line ?? 0): YAML aliases (*name) are not supported in a register file; write the value out")
        }
    }

    /// `line:column: problem` for a syntax error.
    private static func describe(_ error: YamlError) -> String {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
            "\(mark.line):\(mark.column): not valid YAML: \(problem)"
        case .duplicatedKeysInMapping(let duplicates, let context):
            "\(context.mark.line): a key occurs twice: \(duplicates.sorted().joined(separator: ", "))"
        default:
            " not valid YAML: \(String(describing: error).split(separator: "\n").first ?? "")"
        }
    }
}
