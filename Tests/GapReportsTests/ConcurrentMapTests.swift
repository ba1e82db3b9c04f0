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

    @Test("written in pieces on every core: every element once, in order, however few the elements or small the pieces")
    func pieces() {
        for count in [0, 1, 2, 3, 5, 17, 1_000] {
            for piece in [1, 2, 7, 8_192] {
                let numbers = Array(0..<count)
                var written: [UInt8] = []
                var handed = 0
                numbers.concurrentPieces(of: piece) { run, output in
                    for index in run.indices { output.append(contentsOf: Array("\(index):\(run[index]);".utf8)) }
                } into: {
                    #expect(!$0.isEmpty)
                    written.append(contentsOf: $0)
                    handed += 1
                }
                #expect(String(decoding: written, as: UTF8.self) == numbers.map { "\($0):\($0);" }.joined())
                // At least a buffer a piece, never an empty one.
                #expect(handed >= (count + piece - 1) / piece && handed <= count)
            }
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
