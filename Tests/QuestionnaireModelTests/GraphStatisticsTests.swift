import Testing
@testable import QuestionnaireModel

/// A questionnaire where every node may skip the next one: routes grow like
/// the Fibonacci numbers.
func ladder(_ count: Int, infoEvery: Int = 5) -> Questionnaire {
    var nodes: [String] = []
    for index in 0..<count {
        let id = "q\(index)"
        if index == count - 1 {
            nodes.append(#"{"id": "\#(id)", "kind": "info", "text": "end"}"#)
        } else if index % infoEvery == infoEvery - 1 {
            nodes.append(#"{"id": "\#(id)", "kind": "info", "text": "i", "next": "q\#(index + 1)"}"#)
        } else if index + 2 < count {
            nodes.append(#"{"id": "\#(id)", "kind": "yesno", "text": "?", "next": [{"when": {"question": "\#(id)", "equals": true}, "goto": "q\#(index + 2)"}, {"goto": "q\#(index + 1)"}]}"#)
        } else {
            nodes.append(#"{"id": "\#(id)", "kind": "yesno", "text": "?", "next": "q\#(index + 1)"}"#)
        }
    }
    let json = #"{"id": "ladder", "version": "1", "title": "L", "start": "q0", "nodes": [\#(nodes.joined(separator: ","))]}"#
    return try! QuestionnaireLoader.load(Array(json.utf8), file: "ladder.json").questionnaire
}

/// Every route from the start to an end, one by one: only for small graphs.
func enumerateRoutes(_ questionnaire: Questionnaire) -> [[String]] {
    var routes: [[String]] = []
    func walk(_ id: String, _ route: [String]) {
        let node = questionnaire.node(id)!
        let here = route + [id]
        let next = node.next.targets
        if next.isEmpty { routes.append(here) }
        for target in next { walk(target, here) }
    }
    walk(questionnaire.start, [])
    return routes
}

@Suite("Graph statistics")
struct GraphStatisticsTests {
    @Test(arguments: [2, 3, 7, 12, 21])
    func dynamicProgrammingMatchesEnumeration(_ size: Int) {
        let questionnaire = ladder(size)
        let statistics = GraphStatistics(questionnaire)
        let routes = enumerateRoutes(questionnaire)
        let questionsOn = routes.map { route in route.filter { questionnaire.node($0)!.kind != .info }.count }
        #expect(statistics.paths.intValue == routes.count)
        #expect(statistics.shortestInterview == questionsOn.min())
        #expect(statistics.longestInterview == questionsOn.max())
        // Routes reaching a node: the distinct ways from the start to it.
        for (index, node) in questionnaire.nodes.enumerated() {
            let prefixes = Set(routes.compactMap { route in route.firstIndex(of: node.id).map { route[...$0].joined(separator: ">") } })
            #expect(statistics.pathsThrough[index].intValue == prefixes.count, "\(node.id)")
        }
        #expect(statistics.nodes == size)
        #expect(statistics.edges == questionnaire.nodes.reduce(0) { $0 + $1.next.targets.count })
    }

    @Test func aHugeNumberOfRoutesIsCountedWithoutEnumeratingThem() {
        // About 10^835 routes: enumeration would never end; the count is approximate.
        let statistics = GraphStatistics(ladder(5000, infoEvery: 1_000_000))
        #expect(statistics.paths.intValue == nil)
        #expect(!statistics.paths.isExact)
        #expect(statistics.paths.description.hasPrefix("about "))
        #expect(statistics.paths.description.hasSuffix("e1044"))
        #expect(statistics.shortestInterview == 2500)
        #expect(statistics.longestInterview == 4999)
    }

    @Test func countsAreExactWhileTheyFit() {
        var count = PathCount(Int.max)
        count.add(.one)
        #expect(count.isExact, "up to 2^64 - 1 stays exact")
        #expect(count.description == "9223372036854775808")
        var big = PathCount(Int.max)
        for _ in 0..<3 { big.add(big) }
        #expect(!big.isExact)
        #expect(big.description == "about 7.38e19")
    }
}
