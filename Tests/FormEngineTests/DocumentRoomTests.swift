@testable import FormEngine
import Testing

@Suite("A document room: one document's arrays lent to the next")
struct DocumentRoomTests {
    private func read(_ text: String, file: String, room: DocumentRoom) throws -> Document {
        guard case .success(let document) = Intake.read(Array(text.utf8), file: file, room: room) else {
            throw DocumentRoomProblem.notRead(file)
        }
        return document
    }

    @Test("documents read one after another through one room are each read whole, a larger one after a smaller")
    func oneAfterAnother() throws {
        let room = DocumentRoom()
        let texts = [
            "a: 1\n", "b: [x, y]\nc: {d: long text here}\n", "e: 2\n", "f: " + String(repeating: "g", count: 5000) + "\n",
        ]
        for (index, text) in texts.enumerated() {
            let document = try read(text, file: "\(index).yaml", room: room)
            #expect(shape(document.root) == shape(try readDocument(text).root), "\(index)")
            room.takeBack(document)
        }
    }

    @Test("a document still held elsewhere when taken back is never changed by the next one read")
    func heldElsewhere() throws {
        let room = DocumentRoom()
        let first = try read("a: 1\nb: [x, y]\n", file: "first.yaml", room: room)
        let kept = first
        room.takeBack(first)
        let second = try read("c: something else entirely\n", file: "second.yaml", room: room)
        #expect(kept.root["b"]?.items?[1].scalar?.text == "y")
        #expect(kept.root["a"]?.scalar?.text == "1")
        #expect(second.root["c"]?.scalar?.text == "something else entirely")
    }
}

/// A node's values and places, written out: what two documents read alike share.
private func shape(_ node: Node) -> String {
    let place = "@\(node.start.line):\(node.start.column)-\(node.end.line):\(node.end.column)"
    switch node.content {
    case .scalar(let scalar): return "\(scalar.text)\(scalar.isPlain ? "" : "'")" + place
    case .mapping(let entries):
        return "{" + entries.map { "\($0.key): \(shape($0.value))" }.joined(separator: ", ") + "}" + place
    case .sequence(let items): return "[" + items.map(shape).joined(separator: ", ") + "]" + place
    }
}

private enum DocumentRoomProblem: Error {
    case notRead(String)
}
