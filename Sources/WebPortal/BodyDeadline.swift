import NIOCore
import NIOHTTPTypes

/// Cuts off a client whose request body does not arrive in full within `limit` of its head. A client that sends a
/// byte of body now and then is never idle, so the idle timeout alone would keep it open for ever (a "slow loris").
/// A request's head needs no deadline of its own: until it is complete the connection counts as idle.
final class BodyDeadline: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart

    private let limit: TimeAmount
    private var deadline: Scheduled<Void>?

    /// A handler that allows a body `limit` to arrive.
    init(limit: TimeAmount) {
        self.limit = limit
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head:
            disarm()
            let bound = NIOLoopBound(context, eventLoop: context.eventLoop)
            deadline = context.eventLoop.scheduleTask(in: limit) { bound.value.close(promise: nil) }
        case .body: break
        case .end: disarm()
        }
        context.fireChannelRead(data)
    }

    func channelInactive(context: ChannelHandlerContext) {
        disarm()
        context.fireChannelInactive()
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        disarm()
    }

    private func disarm() {
        deadline?.cancel()
        deadline = nil
    }
}
