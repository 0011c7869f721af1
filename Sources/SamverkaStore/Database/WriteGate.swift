/// SQLite allows one writer at a time, and sqlite-nio waits for a lock by blocking a thread
/// of NIO's small thread pool: two write transactions waiting on each other's lock can tie
/// up every thread, including the one the lock holder needs to commit. So write
/// transactions on SQLite take turns here first (FIFO); readers never wait (WAL).
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
