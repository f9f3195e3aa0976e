using CaseFlow.Data;
using Microsoft.Extensions.DependencyInjection;

namespace CaseFlow.Web.Tests.Infrastructure;

/// <summary>Arranges state directly through the app's own DbContext, for tests whose subject is not the HTTP set-up
/// (Contoso's InsertAsync/FindAsync): what a test reads back is then what the database holds, not what an endpoint
/// said it did.</summary>
public static class Arrange
{
    /// <summary>Inserts <paramref name="rows"/> in one SaveChanges and returns them with their keys set.</summary>
    public static async Task<T[]> InsertAsync<T>(this CaseFlowApp app, params T[] rows) where T : class
    {
        await app.WithDbAsync(async db =>
        {
            db.Set<T>().AddRange(rows);
            await db.SaveChangesAsync();
        });
        return rows;
    }

    /// <summary>The row with primary key <paramref name="keys"/>, read untracked in a fresh scope, or null.</summary>
    public static async Task<T?> FindAsync<T>(this CaseFlowApp app, params object[] keys) where T : class
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CaseFlowDbContext>();
        var row = await db.Set<T>().FindAsync(keys);
        if (row is not null) db.Entry(row).State = Microsoft.EntityFrameworkCore.EntityState.Detached;
        return row;
    }
}
