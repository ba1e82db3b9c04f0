/// Has the C library keep memory a command frees, for the command to use again, rather than give it back to the
/// system and have it faulted in afresh: a national report allocates and frees hundreds of megabytes (the facts
/// read, each school's or driver's figures, the document). For a command that ends when its work does; never for
/// `serve`, which would keep a report's memory for good.
func keepFreedMemoryForReuse() {
    #if os(Linux)
        // glibc's `mallopt` and its parameters M_TRIM_THRESHOLD (-1) and M_TOP_PAD (-2) from malloc.h, which the
        // Glibc module does not import: never trim the heap's top, and grow it 256 MiB at a time.
        _ = glibcMallopt(-1, Int32.max)
        _ = glibcMallopt(-2, 256 << 20)
    #endif
}

#if os(Linux)
    /// glibc's `int mallopt(int param, int value)`.
    @_silgen_name("mallopt")
    private func glibcMallopt(_ parameter: Int32, _ value: Int32) -> Int32
#endif
