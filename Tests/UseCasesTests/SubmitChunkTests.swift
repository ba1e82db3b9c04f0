import FormEngine
import Testing
import UseCases

@Suite("How many files a submit stores in one transaction")
struct SubmitChunkTests {
    @Test(
        "one checking chunk for a batch of up to 32 of them, a 32nd of a larger batch, at most four checking chunks")
    func sizes() {
        let checking = Validator.defaultChunkSize
        #expect(Safeguarding.submitChunkSize(files: 0) == checking)
        #expect(Safeguarding.submitChunkSize(files: checking * 32) == checking)
        #expect(Safeguarding.submitChunkSize(files: checking * 2 * 32 + 31) == checking * 2)
        #expect(Safeguarding.submitChunkSize(files: checking * 4 * 32) == checking * 4)
        #expect(Safeguarding.submitChunkSize(files: 10_000_000) == checking * 4)
    }
}
