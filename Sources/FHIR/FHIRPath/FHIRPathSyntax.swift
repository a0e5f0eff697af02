/// A FHIRPath expression that could not be read or run, saying which part.
public struct FHIRPathError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        /// The text is not FHIRPath.
        case syntax
        /// Valid FHIRPath that intake does not run (a function it lacks).
        case unsupported
        /// The expression ran into a value it cannot work with.
        case evaluation
    }

    public var kind: Kind
    public var message: String
    /// The part of the expression at fault ("matches", "%has").
    public var part: String?
    /// Character offset of `part` in the expression, when known.
    public var position: Int?

    public init(_ kind: Kind, _ message: String, part: String? = nil, position: Int? = nil) {
        self.kind = kind
        self.message = message
        self.part = part
        self.position = position
    }

    public var description: String { message }
}

/// A parsed FHIRPath expression.
public indirect enum FHIRPathExpression: Sendable, Equatable {
    case literal(FHIRPathLiteral)
    case emptySet
    /// `%name`: an environment variable (`%resource`, `%context`, a form's `variable`).
    case variable(String, position: Int)
    /// `$this`, `$index`, `$total`.
    case special(String)
    /// A name read on the focus: `item`, `linkId`; at the start of a path, on the input.
    case member(FHIRPathExpression?, String)
    /// A function call on the focus (nil: the input).
    case function(FHIRPathExpression?, name: String, arguments: [FHIRPathExpression], position: Int)
    case index(FHIRPathExpression, FHIRPathExpression)
    case unary(String, FHIRPathExpression)
    case binary(String, FHIRPathExpression, FHIRPathExpression)
    /// `is` and `as` with a type name.
    case typeTest(String, FHIRPathExpression, String)
}

/// A constant written in an expression.
public enum FHIRPathLiteral: Sendable, Equatable {
    case boolean(Bool)
    case string(String)
    case integer(Int)
    case decimal(Double)
    case date(String)
    case dateTime(String)
    case time(String)
    case quantity(Double, String)
}

// MARK: - Tokens

struct FHIRPathToken: Equatable {
    enum Kind: Equatable {
        case identifier(String)
        /// A backtick-quoted identifier.
        case delimited(String)
        case string(String)
        case number(String)
        case dateTime(String)
        case time(String)
        case variable(String)
        case special(String)
        case symbol(String)
        case end
    }

    var kind: Kind
    var position: Int
}

/// Splits FHIRPath text into tokens (FHIRPath N1 grammar, section "Lexical").
struct FHIRPathLexer {
    let characters: [Character]
    var index = 0

    init(_ text: String) {
        characters = Array(text)
    }

    static func tokens(_ text: String) throws(FHIRPathError) -> [FHIRPathToken] {
        var lexer = FHIRPathLexer(text)
        var result: [FHIRPathToken] = []
        while true {
            let token = try lexer.next()
            result.append(token)
            if token.kind == .end { return result }
        }
    }

    mutating func next() throws(FHIRPathError) -> FHIRPathToken {
        skipSpaceAndComments()
        guard index < characters.count else { return FHIRPathToken(kind: .end, position: index) }
        let start = index
        let character = characters[index]
        if character.isLetter || character == "_" {
            return FHIRPathToken(kind: .identifier(readWord()), position: start)
        }
        if character.isASCII && character.isNumber {
            var text = readDigits()
            if index + 1 < characters.count, characters[index] == ".", characters[index + 1].isASCII, characters[index + 1].isNumber {
                index += 1
                text += "." + readDigits()
            }
            return FHIRPathToken(kind: .number(text), position: start)
        }
        switch character {
        case "'":
            return FHIRPathToken(kind: .string(try readQuoted("'")), position: start)
        case "`":
            return FHIRPathToken(kind: .delimited(try readQuoted("`")), position: start)
        case "%":
            index += 1
            if index < characters.count, characters[index] == "`" {
                return FHIRPathToken(kind: .variable(try readQuoted("`")), position: start)
            }
            if index < characters.count, characters[index] == "'" {
                return FHIRPathToken(kind: .variable(try readQuoted("'")), position: start)
            }
            let name = readWord()
            guard !name.isEmpty else { throw FHIRPathError(.syntax, "'%' must be followed by a variable's name", part: "%", position: start) }
            return FHIRPathToken(kind: .variable(name), position: start)
        case "$":
            index += 1
            let name = readWord()
            guard ["this", "index", "total"].contains(name) else {
                throw FHIRPathError(.syntax, "'$\(name)' is not a FHIRPath name: use $this, $index or $total", part: "$\(name)", position: start)
            }
            return FHIRPathToken(kind: .special(name), position: start)
        case "@":
            index += 1
            if index < characters.count, characters[index] == "T" {
                index += 1
                return FHIRPathToken(kind: .time(readWhile { $0.isNumber || $0 == ":" || $0 == "." }), position: start)
            }
            let text = readWhile { $0.isNumber || "-:.+TZ".contains($0) }
            guard !text.isEmpty else { throw FHIRPathError(.syntax, "'@' must start a date such as @2024-03-05", part: "@", position: start) }
            return FHIRPathToken(kind: .dateTime(text), position: start)
        default:
            break
        }
        for symbol in ["<=", ">=", "!=", "!~"] where matches(symbol) {
            index += 2
            return FHIRPathToken(kind: .symbol(symbol), position: start)
        }
        if "().,[]{}+-*/&|<>=~".contains(character) {
            index += 1
            return FHIRPathToken(kind: .symbol(String(character)), position: start)
        }
        throw FHIRPathError(.syntax, "'\(character)' cannot appear here in FHIRPath", part: String(character), position: start)
    }

    private func matches(_ symbol: String) -> Bool {
        let wanted = Array(symbol)
        guard index + wanted.count <= characters.count else { return false }
        return Array(characters[index..<index + wanted.count]) == wanted
    }

    private mutating func skipSpaceAndComments() {
        while index < characters.count {
            if characters[index].isWhitespace {
                index += 1
            } else if matches("//") {
                while index < characters.count, !characters[index].isNewline { index += 1 }
            } else if matches("/*") {
                index += 2
                while index < characters.count, !matches("*/") { index += 1 }
                index = min(characters.count, index + 2)
            } else {
                return
            }
        }
    }

    private mutating func readWord() -> String {
        readWhile { $0.isLetter || $0.isNumber || $0 == "_" }
    }

    private mutating func readDigits() -> String {
        readWhile { $0.isASCII && $0.isNumber }
    }

    private mutating func readWhile(_ accepts: (Character) -> Bool) -> String {
        let start = index
        while index < characters.count, accepts(characters[index]) { index += 1 }
        return String(characters[start..<index])
    }

    private mutating func readQuoted(_ quote: Character) throws(FHIRPathError) -> String {
        let start = index
        index += 1
        var text = ""
        while index < characters.count {
            let character = characters[index]
            if character == quote {
                index += 1
                return text
            }
            if character == "\\", index + 1 < characters.count {
                index += 1
                switch characters[index] {
                case "n": text.append("\n")
                case "t": text.append("\t")
                case "r": text.append("\r")
                case "f": text.append("\u{0C}")
                case "u":
                    let hex = String(characters[min(index + 1, characters.count)..<min(index + 5, characters.count)])
                    guard hex.count == 4, let value = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(value) else {
                        throw FHIRPathError(.syntax, "'\\u' must be followed by four hexadecimal digits", part: "\\u" + hex, position: index - 1)
                    }
                    text.unicodeScalars.append(scalar)
                    index += 4
                default: text.append(characters[index])
                }
                index += 1
                continue
            }
            text.append(character)
            index += 1
        }
        throw FHIRPathError(.syntax, "the text starting here has no closing \(quote)", part: String(characters[start...].prefix(20)), position: start)
    }
}

// MARK: - Parser

/// Reads FHIRPath text into an expression tree, by precedence climbing over
/// the operators of the FHIRPath grammar (highest first: `.` and `[]`;
/// unary `+ -`; `* / div mod`; `+ - &`; `is as`; `|`; `< > <= >=`;
/// `= ~ != !~`; `in contains`; `and`; `or xor`; `implies`).
public enum FHIRPathParser {
    /// The most nested parentheses and calls accepted, so hostile text cannot exhaust the stack.
    static let maxDepth = 200

    /// Parses `text`, or says where it stops being FHIRPath.
    public static func parse(_ text: String) throws(FHIRPathError) -> FHIRPathExpression {
        var parser = Parser(tokens: try FHIRPathLexer.tokens(text))
        let expression = try parser.expression(0)
        guard parser.current.kind == .end else {
            throw FHIRPathError(.syntax, "unexpected \(parser.describe(parser.current)) after a complete expression", part: parser.describe(parser.current), position: parser.current.position)
        }
        return expression
    }

    static let binaryLevels: [[String]] = [
        ["implies"],
        ["or", "xor"],
        ["and"],
        ["in", "contains"],
        ["=", "~", "!=", "!~"],
        ["<", ">", "<=", ">="],
        ["|"],
        ["is", "as"],
        ["+", "-", "&"],
        ["*", "/", "div", "mod"],
    ]

    private struct Parser {
        let tokens: [FHIRPathToken]
        var position = 0
        var depth = 0

        var current: FHIRPathToken { tokens[position] }

        func describe(_ token: FHIRPathToken) -> String {
            switch token.kind {
            case .identifier(let name), .delimited(let name): "'\(name)'"
            case .string(let text): "the string '\(text)'"
            case .number(let text): text
            case .dateTime(let text): "@\(text)"
            case .time(let text): "@T\(text)"
            case .variable(let name): "%\(name)"
            case .special(let name): "$\(name)"
            case .symbol(let symbol): "'\(symbol)'"
            case .end: "the end"
            }
        }

        func operatorName(_ token: FHIRPathToken) -> String? {
            switch token.kind {
            case .symbol(let symbol): symbol
            case .identifier(let word) where ["implies", "or", "xor", "and", "in", "contains", "is", "as", "div", "mod"].contains(word): word
            default: nil
            }
        }

        mutating func expect(_ symbol: String) throws(FHIRPathError) {
            guard current.kind == .symbol(symbol) else {
                throw FHIRPathError(.syntax, "expected '\(symbol)', found \(describe(current))", part: describe(current), position: current.position)
            }
            position += 1
        }

        mutating func expression(_ level: Int) throws(FHIRPathError) -> FHIRPathExpression {
            depth += 1
            defer { depth -= 1 }
            guard depth < FHIRPathParser.maxDepth else {
                throw FHIRPathError(.syntax, "the expression is nested too deeply", position: current.position)
            }
            guard level < FHIRPathParser.binaryLevels.count else { return try unary() }
            var left = try expression(level + 1)
            while let name = operatorName(current), FHIRPathParser.binaryLevels[level].contains(name) {
                position += 1
                if name == "is" || name == "as" {
                    left = .typeTest(name, left, try typeName())
                } else {
                    left = .binary(name, left, try expression(level + 1))
                }
            }
            return left
        }

        mutating func typeName() throws(FHIRPathError) -> String {
            var parts: [String] = []
            repeat {
                if !parts.isEmpty { position += 1 }
                switch current.kind {
                case .identifier(let name), .delimited(let name): parts.append(name)
                default: throw FHIRPathError(.syntax, "expected a type name, found \(describe(current))", part: describe(current), position: current.position)
                }
                position += 1
            } while current.kind == .symbol(".")
            return parts.joined(separator: ".")
        }

        mutating func unary() throws(FHIRPathError) -> FHIRPathExpression {
            if current.kind == .symbol("-") || current.kind == .symbol("+") {
                let sign = current.kind == .symbol("-") ? "-" : "+"
                position += 1
                return .unary(sign, try unary())
            }
            return try postfix(try term())
        }

        mutating func postfix(_ base: FHIRPathExpression) throws(FHIRPathError) -> FHIRPathExpression {
            var result = base
            while true {
                if current.kind == .symbol(".") {
                    position += 1
                    result = try invocation(on: result)
                } else if current.kind == .symbol("[") {
                    position += 1
                    let index = try expression(0)
                    try expect("]")
                    result = .index(result, index)
                } else {
                    return result
                }
            }
        }

        /// A name or a function call after a dot (or at the start of a path).
        mutating func invocation(on focus: FHIRPathExpression?) throws(FHIRPathError) -> FHIRPathExpression {
            let token = current
            let name: String
            switch token.kind {
            case .identifier(let word), .delimited(let word): name = word
            default: throw FHIRPathError(.syntax, "expected a name after '.', found \(describe(token))", part: describe(token), position: token.position)
            }
            position += 1
            guard current.kind == .symbol("("), token.kind != .delimited(name) else {
                return .member(focus, name)
            }
            position += 1
            var arguments: [FHIRPathExpression] = []
            if current.kind != .symbol(")") {
                arguments.append(try expression(0))
                while current.kind == .symbol(",") {
                    position += 1
                    arguments.append(try expression(0))
                }
            }
            try expect(")")
            return .function(focus, name: name, arguments: arguments, position: token.position)
        }

        mutating func term() throws(FHIRPathError) -> FHIRPathExpression {
            let token = current
            switch token.kind {
            case .symbol("("):
                position += 1
                let inner = try expression(0)
                try expect(")")
                return inner
            case .symbol("{"):
                position += 1
                try expect("}")
                return .emptySet
            case .string(let text):
                position += 1
                return .literal(.string(text))
            case .number(let text):
                position += 1
                let number: FHIRPathLiteral
                if text.contains(".") {
                    number = .decimal(Double(text) ?? 0)
                } else if let integer = Int(text) {
                    number = .integer(integer)
                } else {
                    throw FHIRPathError(.syntax, "\(text) is too large a whole number", part: text, position: token.position)
                }
                return try quantity(after: number)
            case .dateTime(let text):
                position += 1
                return .literal(text.contains("T") ? .dateTime(text) : .date(text))
            case .time(let text):
                position += 1
                return .literal(.time(text))
            case .variable(let name):
                position += 1
                return .variable(name, position: token.position)
            case .special(let name):
                position += 1
                return .special(name)
            case .identifier("true"):
                position += 1
                return .literal(.boolean(true))
            case .identifier("false"):
                position += 1
                return .literal(.boolean(false))
            case .identifier, .delimited:
                return try invocation(on: nil)
            default:
                throw FHIRPathError(.syntax, "expected a value, a name or '(', found \(describe(token))", part: describe(token), position: token.position)
            }
        }

        /// `5 'mg'` or `4 days`: a number with a unit is a quantity.
        mutating func quantity(after number: FHIRPathLiteral) throws(FHIRPathError) -> FHIRPathExpression {
            let value: Double
            switch number {
            case .integer(let integer): value = Double(integer)
            case .decimal(let decimal): value = decimal
            default: return .literal(number)
            }
            switch current.kind {
            case .string(let unit):
                position += 1
                return .literal(.quantity(value, unit))
            case .identifier(let word) where FHIRPathParser.calendarUnits.contains(word):
                position += 1
                return .literal(.quantity(value, word))
            default:
                return .literal(number)
            }
        }
    }

    static let calendarUnits: Set<String> = [
        "year", "years", "month", "months", "week", "weeks", "day", "days", "hour", "hours", "minute", "minutes",
        "second", "seconds", "millisecond", "milliseconds",
    ]
}
