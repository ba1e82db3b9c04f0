import FormEngine
import Testing
import UseCases

@Suite("How many files a submit stores in one transaction")
struct SubmitChunkTests {
    @Test(
        "eight checking chunks for a batch of up to 256 of them, a 32nd of a larger batch, at most 32 checking chunks")
    func sizes() {
        let checking = Validator.defaultChunkSize
        #expect(Safeguarding.submitChunkSize(files: 0) == checking * 8)
        #expect(Safeguarding.submitChunkSize(files: checking * 8 * 32) == checking * 8)
        #expect(Safeguarding.submitChunkSize(files: checking * 16 * 32 + 31) == checking * 16)
        #expect(Safeguarding.submitChunkSize(files: checking * 32 * 32) == checking * 32)
        #expect(Safeguarding.submitChunkSize(files: 10_000_000) == checking * 32)
    }
}
