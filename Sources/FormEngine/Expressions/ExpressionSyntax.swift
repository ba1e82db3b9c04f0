/// A parsed expression before its names are resolved: what the policy officer wrote, as a tree.
///
/// `range` counts characters (Unicode scalars) from the start of the expression's text, so a problem in
/// any part of it can be placed at its line and column in the file.
struct ExpressionSyntax: Sendable {
    /// What the node is.
    indirect enum Kind: Sendable {
        case number(Double)
        case text(String)
        case boolean(Bool)
        case list([ExpressionSyntax])
        case name(String)
        case member(ExpressionSyntax, String)
        case index(ExpressionSyntax, ExpressionSyntax)
        case call(String, [ExpressionSyntax])
        case lambda(parameter: String, body: ExpressionSyntax)
        case unary(UnaryOperator, ExpressionSyntax)
        case binary(BinaryOperator, ExpressionSyntax, ExpressionSyntax)
    }

    /// What the node is.
    let kind: Kind
    /// Where the node stands in the expression's text, in characters.
    let range: Range<Int>
}

/// An operator written before its operand.
enum UnaryOperator: String, Sendable {
    case not = "!"
    case negate = "-"
}

/// An operator written between its operands.
enum BinaryOperator: String, Sendable {
    case or = "||"
    case and = "&&"
    case equal = "=="
    case notEqual = "!="
    case less = "<"
    case lessOrEqual = "<="
    case greater = ">"
    case greaterOrEqual = ">="
    case isIn = "in"
    case add = "+"
    case subtract = "-"
    case multiply = "*"
    case divide = "/"
}

/// A problem in an expression: where in its text, and what to do about it.
struct ExpressionProblem: Error, Sendable, Equatable {
    /// The characters at fault, counted from the start of the expression's text.
    let range: Range<Int>
    /// A sentence a policy officer can act on.
    let message: String
}
