import FormEngine

extension Dictionary where Key == String, Value == FormEngine.Value {
    /// Rule parameters as an evaluation records them: a JSON object, its keys in order.
    public var evaluationJSON: String {
        JSONValue.object(keys.sorted().map { ($0, self[$0]!.json) }).text
    }
}
