using System.Text.RegularExpressions;
using CaseFlow.Data.Cases;

namespace CaseFlow.Data.Tests;

public sealed class MessageIdTests
{
    private static readonly Regex Shape = new("^<[0-9a-f]{32}@caseflow>$");

    [Fact]
    public void A_message_id_is_a_version_7_uuid_carrying_the_milliseconds_of_the_step_that_wrote_it()
    {
        // 2026-03-11 00:30:00.123 UTC is 1773189000123 ms after 1970-01-01 = 0x019CDA4CEBBB.
        var id = OutboxMessage.NewMessageId(new DateTime(2026, 3, 11, 0, 30, 0, 123, DateTimeKind.Utc));

        Assert.Matches(Shape, id);
        Assert.StartsWith("<019cda4cebbb7", id); // the time, then the version nibble
        Assert.Contains(id[17], "89ab"); // RFC 9562 variant: the top bits of the 17th hex digit are 10
    }

    [Fact]
    public void Ids_written_at_one_moment_are_distinct_and_count_up_in_ordinal_order()
    {
        var at = new DateTime(2026, 3, 11, 0, 30, 0, DateTimeKind.Utc);

        var ids = Enumerable.Range(0, 20_000).Select(_ => OutboxMessage.NewMessageId(at)).ToList();

        Assert.All(ids, id => Assert.Matches(Shape, id));
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal(ids, ids.Order(StringComparer.Ordinal));
        Assert.All(ids, id => Assert.StartsWith("<019cda4ceb407", id)); // 1773189000000 ms = 0x019CDA4CEB40
    }

    [Fact]
    public void A_later_moment_starts_afresh_and_sorts_after_an_earlier_one()
    {
        var first = OutboxMessage.NewMessageId(new DateTime(2026, 3, 11, 0, 30, 0, DateTimeKind.Utc));
        var later = OutboxMessage.NewMessageId(new DateTime(2026, 3, 11, 0, 30, 1, DateTimeKind.Utc));
        var again = OutboxMessage.NewMessageId(new DateTime(2026, 3, 11, 0, 30, 0, DateTimeKind.Utc));

        Assert.True(string.CompareOrdinal(first, later) < 0);
        Assert.True(string.CompareOrdinal(again, later) < 0);
        Assert.NotEqual(first, again);
    }
}
