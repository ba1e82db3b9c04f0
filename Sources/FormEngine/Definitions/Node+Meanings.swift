extension Node {
    /// The answer to one of `form`'s meanings in these bound answers, if the form names the meaning and it is there.
    public func answer(to meaning: Meaning, in form: FormDefinition) -> Node? {
        form.path(of: meaning).flatMap { self[path: $0] }
    }

    /// The answer to one of `form`'s meanings as trimmed text, nil when the form names none or it is blank.
    public func text(answering meaning: Meaning, in form: FormDefinition) -> String? {
        form.path(of: meaning).flatMap(text(at:))
    }
}
