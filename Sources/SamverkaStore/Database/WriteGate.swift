/// SQLite allows one writer at a time, and a statement waiting for the lock blocks its
/// thread (the busy timeout), a thread of NIO's small pool (`SQLiteExecutor`): two write
/// transactions waiting on each other's lock could tie up every thread, including the one
/// the lock holder needs to commit. So writes on SQLite take turns here first (FIFO), on
/// the one writing connection; readers never wait (WAL) and refuse to write.
/// PostgreSQL does not use the gate. Nothing here is shared state between instances: an
/// SQLite file is served by one process.
actor WriteGate {
    private var busy = false
    private var waiters: [CheckedContinuation<Void, Never>] = []

    func acquire() async {
        guard busy else {
            busy = true
            return
        }
        await withCheckedContinuation { waiters.append($0) }
    }

    func release() {
        if waiters.isEmpty {
            busy = false
        } else {
            waiters.removeFirst().resume()
        }
    }
}
