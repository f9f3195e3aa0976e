namespace CaseFlow.Data;

/// <summary>
/// Queues this process's multi-statement write transactions on SQLite before they ask for the database's write lock.
/// SQLite lets one writer in at a time and makes the others poll with growing sleeps (busy_timeout: 1, 2, 5, 10 ms …),
/// so under concurrent registrations the lock often stands free while every waiter sleeps. Waiting here instead, the
/// next writer starts the moment the previous one commits. The SQLite lock still decides: another process, or a write
/// outside the gate, is serialised by it as before. On PostgreSQL writers do not exclude each other, so the gate is open.
/// </summary>
public sealed class WriteGate(DatabaseOptions options)
{
    private readonly SemaphoreSlim? _sqlite = options.Provider == DatabaseProvider.Sqlite ? new(1, 1) : null;

    /// <summary>Dispose the result after the transaction has committed or rolled back.</summary>
    public async ValueTask<IDisposable> EnterAsync(CancellationToken ct)
    {
        if (_sqlite is null) return Open.Instance;
        await _sqlite.WaitAsync(ct);
        return new Entered(_sqlite);
    }

    private sealed class Open : IDisposable
    {
        public static readonly Open Instance = new();
        public void Dispose() { }
    }

    private sealed class Entered(SemaphoreSlim gate) : IDisposable
    {
        private int _released;
        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) gate.Release();
        }
    }
}
