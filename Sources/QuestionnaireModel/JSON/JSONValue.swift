/// A JSON value and the byte offset it was read from, so that problems found
/// later (a wrong type, an unknown node id) can still name a line and column.
///
/// Objects keep their members in source order, which makes serialisation
/// deterministic: the transcript hash chain depends on that.
public struct JSONValue: Sendable {
    /// What the value is.
    public enum Kind: Sendable {
        case null
        case bool(Bool)
        case number(JSONNumber)
        case string(String)
        case array([JSONValue])
        case object(JSONObject)
    }

    public var kind: Kind
    /// Byte offset of the value's first character in its source, or -1 when
    /// the value was built in code.
    public var offset: Int

    public init(_ kind: Kind, offset: Int = -1) {
        self.kind = kind
        self.offset = offset
    }
}

/// A JSON number, keeping the text it was written as so it round-trips exactly.
public struct JSONNumber: Sendable, Equatable {
    /// The number as written in the source, or the canonical spelling of a
    /// number built in code.
    public var text: String
    public var double: Double
    /// The value when it is a whole number within ±2^53, however it was
    /// written (7, 7.0 and 7e0 alike).
    public var integer: Int?

    public init(text: String, double: Double, integer: Int?) {
        self.text = text
        self.double = double
        self.integer = integer
    }

    public init(_ value: Int) {
        self.init(text: String(value), double: Double(value), integer: value)
    }

    public init(_ value: Double) {
        if value.isFinite, value == value.rounded(), abs(value) < 9.0e15 {
            self.init(Int(value))
        } else {
            self.init(text: value.isFinite ? "\(value)" : "null", double: value, integer: nil)
        }
    }
}

/// One member of a JSON object.
public struct JSONMember: Sendable {
    public var key: String
    /// Byte offset of the key in the source, or -1.
    public var keyOffset: Int
    public var value: JSONValue

    public init(key: String, keyOffset: Int = -1, value: JSONValue) {
        self.key = key
        self.keyOffset = keyOffset
        self.value = value
    }
}

/// A JSON object: members in source order, keys unique.
public struct JSONObject: Sendable {
    public var members: [JSONMember]

    public init(_ members: [JSONMember] = []) {
        self.members = members
    }

    /// The value for `key`, if present.
    public subscript(key: String) -> JSONValue? {
        for member in members where member.key == key {
            return member.value
        }
        return nil
    }

    public var keys: [String] { members.map(\.key) }

    /// Sets `key`, replacing an existing member in place or appending a new one.
    public mutating func set(_ key: String, _ value: JSONValue) {
        if let index = members.firstIndex(where: { $0.key == key }) {
            members[index].value = value
        } else {
            members.append(JSONMember(key: key, value: value))
        }
    }
}

// MARK: - Building values in code

extension JSONValue {
    public static let null = JSONValue(.null)

    public static func bool(_ value: Bool) -> JSONValue { JSONValue(.bool(value)) }
    public static func string(_ value: String) -> JSONValue { JSONValue(.string(value)) }
    public static func number(_ value: Int) -> JSONValue { JSONValue(.number(JSONNumber(value))) }
    public static func number(_ value: Double) -> JSONValue { JSONValue(.number(JSONNumber(value))) }
    public static func array(_ values: [JSONValue]) -> JSONValue { JSONValue(.array(values)) }

    /// An object from key-value pairs in the order given; later duplicates win.
    public static func object(_ pairs: KeyValuePairs<String, JSONValue>) -> JSONValue {
        var object = JSONObject()
        for (key, value) in pairs { object.set(key, value) }
        return JSONValue(.object(object))
    }

    public static func object(_ object: JSONObject) -> JSONValue { JSONValue(.object(object)) }
}

// MARK: - Reading values

extension JSONValue {
    public var stringValue: String? {
        if case .string(let value) = kind { return value }
        return nil
    }

    public var numberValue: JSONNumber? {
        if case .number(let value) = kind { return value }
        return nil
    }

    public var boolValue: Bool? {
        if case .bool(let value) = kind { return value }
        return nil
    }

    public var arrayValue: [JSONValue]? {
        if case .array(let value) = kind { return value }
        return nil
    }

    public var objectValue: JSONObject? {
        if case .object(let value) = kind { return value }
        return nil
    }

    public var isNull: Bool {
        if case .null = kind { return true }
        return false
    }

    /// The value for `key` when this is an object.
    public subscript(key: String) -> JSONValue? { objectValue?[key] }

    /// A word for the value's type, for error messages ("expected a string, found a number").
    public var typeDescription: String {
        switch kind {
        case .null: "null"
        case .bool: "true or false"
        case .number: "a number"
        case .string: "a string"
        case .array: "a list"
        case .object: "an object"
        }
    }
}

// MARK: - Equality (structural; offsets and member order are ignored)

extension JSONValue: Equatable {
    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs.kind, rhs.kind) {
        case (.null, .null): true
        case (.bool(let a), .bool(let b)): a == b
        case (.number(let a), .number(let b)): a.double == b.double
        case (.string(let a), .string(let b)): a == b
        case (.array(let a), .array(let b)): a == b
        case (.object(let a), .object(let b)):
            a.members.count == b.members.count
                && a.members.allSatisfy { member in b[member.key] == member.value }
        default: false
        }
    }
}

extension JSONValue: Hashable {
    /// Hashes what `==` compares: numbers by value, objects whatever the
    /// order of their members (each member is hashed on its own and the
    /// hashes summed, an order-blind combination).
    public func hash(into hasher: inout Hasher) {
        switch kind {
        case .null: hasher.combine(0)
        case .bool(let flag): hasher.combine(flag)
        case .number(let number): hasher.combine(number.double)
        case .string(let text): hasher.combine(text)
        case .array(let elements):
            hasher.combine(elements.count)
            for element in elements { hasher.combine(element) }
        case .object(let object):
            var members = 0
            for member in object.members {
                var own = Hasher()
                own.combine(member.key)
                own.combine(member.value)
                members &+= own.finalize()
            }
            hasher.combine(object.members.count)
            hasher.combine(members)
        }
    }
}
