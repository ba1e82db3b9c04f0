/// What an expression can see while it runs: the answers, the parameters, the evaluation date, and nothing else.
struct EvaluationContext {
    /// The submission's answers.
    var answers: Answers
    /// The evaluation date that `as_of()` gives: chosen by the caller, never read from a clock.
    let asOf: Day
    /// The rule set's parameter values, by index.
    let parameters: [Value]
    /// The rule set's named values (`let:`), computed at most once each.
    let namedExpressions: [Expression]
    private var namedCache: [Value?]
    /// Lambda parameters and the current repeat item, by slot.
    var locals: [Value]

    /// Creates a context with room for `slots` locals.
    init(answers: Answers, asOf: Day, parameters: [Value] = [], namedExpressions: [Expression] = [], slots: Int = 0) {
        self.answers = answers
        self.asOf = asOf
        self.parameters = parameters
        self.namedExpressions = namedExpressions
        self.namedCache = Array(filledWith: nil, count: namedExpressions.count)
        self.locals = Array(filledWith: .absent, count: slots)
    }

    /// Makes room for at least `slots` locals.
    mutating func reserve(slots: Int) {
        if locals.count < slots { locals += Array(filledWith: .absent, count: slots - locals.count) }
    }

    /// The value of a named value, computing it the first time.
    mutating func named(_ index: Int) -> Value {
        if let cached = namedCache[index] { return cached }
        let value = namedExpressions[index].evaluate(in: &self)
        namedCache[index] = value
        return value
    }
}
