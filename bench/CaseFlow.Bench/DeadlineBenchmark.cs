using System.Diagnostics;
using CaseFlow.Domain.Calendar;
using CaseFlow.Domain.Deadlines;

namespace CaseFlow.Bench;

/// <summary>Goal (issue 2): at least 1,000,000 reply-deadline computations per second on one core.</summary>
public static class DeadlineBenchmark
{
    public static Task Run()
    {
        var sw = Stopwatch.StartNew();
        var notices = NationalCalendar.ShippedNotices; // parse of the embedded file
        var parse = sw.Elapsed;
        sw.Restart();
        var calendar = NationalCalendar.Build(notices);
        var build = sw.Elapsed;
        sw.Restart();
        for (var i = 0; i < 100; i++) NationalCalendar.Build(notices);
        var rebuild = sw.Elapsed / 100;

        // One thread = one core; inputs spread over every receipt day of 2019–2026 so holidays are hit.
        Thread.CurrentThread.Priority = ThreadPriority.Highest;
        var first = new DateOnly(2019, 1, 1).DayNumber;
        var span = new DateOnly(2026, 10, 31).DayNumber - first;
        var inputs = Enumerable.Range(0, 4096).Select(i => DateOnly.FromDayNumber(first + (int)((long)i * 7919 % span))).ToArray();
        var plain = inputs.Select(d => new ReplyClockInput(d)).ToArray();
        var paused = inputs.Select(d => new ReplyClockInput(d, null, [new ClockPause(d.AddDays(3), d.AddDays(12), PauseKind.ThirdPartyConsultation), new ClockPause(d.AddDays(8), d.AddDays(20), PauseKind.FeeWait)], 20)).ToArray();

        var rows = new List<string[]>
        {
            Measure("20 working days, no pauses, no explanation", plain, calendar, explain: false),
            Measure("20 + 20 working days, two overlapping pauses, no explanation", paused, calendar, explain: false),
            Measure("20 working days with Chinese explanation", plain, calendar, explain: true),
            Measure("two pauses + extension with Chinese explanation", paused, calendar, explain: true),
        };
        Table.Print(["computation", "per second (one core)", "goal"], rows);
        Console.WriteLine();
        Table.Print(["calendar load step", "time"],
        [
            ["parse embedded national-calendar.json (2019–2026)", Ms(parse)],
            ["build WorkingDayCalendar (first, incl. JIT)", Ms(build)],
            ["build WorkingDayCalendar (average of 100)", Ms(rebuild)],
        ]);
        return Task.CompletedTask;
    }

    private static string[] Measure(string name, ReplyClockInput[] inputs, WorkingDayCalendar calendar, bool explain)
    {
        var sink = 0;
        for (var i = 0; i < 20_000; i++) sink += StatutoryClock.Reply(calendar, inputs[i & 4095], explain).WorkingDays; // warm-up
        var n = 0;
        var sw = Stopwatch.StartNew();
        while (sw.ElapsedMilliseconds < 2000)
        {
            for (var i = 0; i < 4096; i++) sink += StatutoryClock.Reply(calendar, inputs[i], explain).WorkingDays;
            n += 4096;
        }
        var rate = n / sw.Elapsed.TotalSeconds;
        GC.KeepAlive(sink);
        return [name, $"{rate:N0}", explain ? "—" : rate >= 1_000_000 ? "≥ 1,000,000 ✓" : "≥ 1,000,000 ✗"];
    }

    private static string Ms(TimeSpan t) => $"{t.TotalMilliseconds:N3} ms";
}
