import Testing

@testable import GapReports

@Suite("Report rows and drivers worked out on every core, in order")
struct ConcurrentMapTests {
    @Test("every element transformed once, in order, however few or many there are against the cores")
    func inOrder() {
        for count in [0, 1, 2, 3, 5, 17, 1_000] {
            let numbers = Array(0..<count)
            #expect(numbers.concurrentMap { "row \($0)" } == numbers.map { "row \($0)" })
        }
    }

    @Test("cut into runs, one a core: every element in one run, the runs in order, however few the elements")
    func runs() {
        for count in [0, 1, 2, 3, 5, 17, 1_000] {
            let numbers = Array(0..<count)
            let runs = numbers.concurrentRuns { Array($0) }
            #expect(runs.flatMap { $0 } == numbers)
            #expect(runs.allSatisfy { $0.count <= (count + 1) / 2 || runs.count == 1 })
        }
    }

    @Test("each group's elements keep the parts' order, the groups in their keys' order, whatever the parts")
    func order() {
        // Districts as letters, drivers as numbers, the order they were stored in across the store's parts.
        let drivers = (0..<1_000).map { (number: $0, district: ["c", "a", "b", "a", "d"][($0 * 7 + $0 / 3) % 5]) }
        let expected = drivers.enumerated().sorted {
            ($0.element.district, $0.offset) < ($1.element.district, $1.offset)
        }
        .map { "\($0.element.district)\($0.element.number)" }
        for parts in [[drivers], [Array(drivers[..<1]), Array(drivers[1..<700]), [], Array(drivers[700...])]] {
            let (outputs, groups) = parts.groupedConcurrentMap(groupedBy: \.district) { "\($1)\($0.number)" }
            #expect(outputs == expected)
            #expect(groups.map(\.key) == ["a", "b", "c", "d"])
            #expect(
                groups.map(\.range.count) == ["a", "b", "c", "d"].map { key in drivers.count { $0.district == key } })
            #expect(groups.allSatisfy { group in outputs[group.range].allSatisfy { $0.hasPrefix(group.key) } })
        }
    }

    @Test("no parts, or only empty ones, give nothing")
    func empty() {
        let none: [[(number: Int, district: String)]] = [[], []]
        let (outputs, groups) = none.groupedConcurrentMap(groupedBy: \.district) { "\($1)\($0.number)" }
        #expect(outputs.isEmpty && groups.isEmpty)
    }
}
