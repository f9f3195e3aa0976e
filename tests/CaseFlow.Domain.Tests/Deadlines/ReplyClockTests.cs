using System.Globalization;
using CaseFlow.Domain.Calendar;
using CaseFlow.Domain.Deadlines;
using static CaseFlow.Domain.Tests.TestSupport;

namespace CaseFlow.Domain.Tests.Deadlines;

/// <summary>
/// StatutoryClock.Reply against hand counts. Convention (domain.md §3): day 0 = receipt day; working day 1 is the
/// first working day after it; due = the 20th counted working day. Pause [S,E]: working days d with S &lt; d ≤ E
/// are not counted. Every expectation below was counted by hand from the holiday list; the comment shows the count.
/// </summary>
public class ReplyClockTests
{
    private static ReplyClock Reply(ReplyClockInput input, WorkingDayCalendar? calendar = null) =>
        StatutoryClock.Reply(calendar ?? Shipped, input);

    // ---- worked examples of domain.md §3 ----

    [Fact]
    public void Worked_example_received_2026_02_12()
    {
        // day0 Thu 02-12; 02-13=1, 02-14(Sat make-up)=2, 02-15..23 off, 02-24..27=3..6, 02-28(Sat make-up)=7,
        // 03-02..06=8..12, 03-09..13=13..17, 03-16=18, 03-17=19, 03-18=20
        var clock = Reply(new ReplyClockInput(D("2026-02-12")));
        Assert.Equal(D("2026-03-18"), clock.DueOn);
        Assert.Equal(D("2026-02-12"), clock.DayZero);
        Assert.Equal(20, clock.WorkingDays);
        Assert.False(clock.Provisional);
        Assert.False(clock.Paused);
        Assert.Null(clock.DaysUsed);
        Assert.Null(clock.DaysRemaining);
        Assert.Equal(D("2026-02-28"), StatutoryPeriods.CorrectionNoticeDue(Shipped, D("2026-02-12")).Date);
    }

    [Fact]
    public void Worked_example_received_2026_02_12_with_full_extension()
    {
        // ... 03-18=20, 03-19,20=21,22, 03-23..27=23..27, 03-30,31=28,29, 04-01..03=30..32, 04-04..06 off,
        // 04-07..10=33..36, 04-13..16=37..40
        var clock = Reply(new ReplyClockInput(D("2026-02-12"), ExtensionDays: 20));
        Assert.Equal(D("2026-04-16"), clock.DueOn);
        Assert.Equal(40, clock.WorkingDays);
        Assert.False(clock.Provisional);
    }

    [Fact]
    public void Worked_example_received_2026_09_30()
    {
        // day0 Wed 09-30; 10-01..07 off, 10-08,09=1,2, 10-10(Sat make-up)=3, 10-12..16=4..8, 10-19..23=9..13,
        // 10-26..30=14..18, 11-02=19, 11-03=20
        var clock = Reply(new ReplyClockInput(D("2026-09-30")));
        Assert.Equal(D("2026-11-03"), clock.DueOn);
        Assert.False(clock.Provisional);
    }

    // ---- plain receipts: no correction, pause, extension ----

    [Theory]
    // 2019 ------------------------------------------------------------------------------------------
    // day0 Fri 01-25; 01-28..02-01=1..5, 02-02(Sat mk)=6, 02-03(Sun mk)=7, 02-04..10 off, 02-11..15=8..12, 02-18..22=13..17, 02-25..27=18..20
    [InlineData("2019-01-25", "2019-02-27", false)]
    // day0 Sat 02-02 (make-up day); 02-03(Sun mk)=1, 02-04..10 off, 02-11..15=2..6, 02-18..22=7..11, 02-25..03-01=12..16, 03-04..07=17..20
    [InlineData("2019-02-02", "2019-03-07", false)]
    // day0 Wed 02-06 (inside Spring Festival); 02-07..10 off, 02-11..15=1..5, 02-18..22=6..10, 02-25..03-01=11..15, 03-04..08=16..20
    [InlineData("2019-02-06", "2019-03-08", false)]
    // day0 Thu 04-04; 04-05 off, 04-08..12=1..5, 04-15..19=6..10, 04-22..26=11..15, 04-28(Sun mk)=16, 04-29,30=17,18, 05-01..04 off, 05-05(Sun mk)=19, 05-06=20
    [InlineData("2019-04-04", "2019-05-06", false)]
    // day0 Wed 06-05; 06-06=1, 06-07 off, 06-10..14=2..6, 06-17..21=7..11, 06-24..28=12..16, 07-01..04=17..20
    [InlineData("2019-06-05", "2019-07-04", false)]
    // day0 Thu 09-12; 09-13 off, 09-16..20=1..5, 09-23..27=6..10, 09-29(Sun mk)=11, 09-30=12, 10-01..07 off, 10-08..11=13..16, 10-12(Sat mk)=17, 10-14..16=18..20
    [InlineData("2019-09-12", "2019-10-16", false)]
    // day0 Fri 09-27; 09-29(Sun mk)=1, 09-30=2, 10-01..07 off, 10-08..11=3..6, 10-12(Sat mk)=7, 10-14..18=8..12, 10-21..25=13..17, 10-28..30=18..20
    [InlineData("2019-09-27", "2019-10-30", false)]
    // day0 Fri 12-20 (into 2020); 12-23..27=1..5, 12-30,31=6,7, 2020-01-01 off, 01-02,03=8,9, 01-06..10=10..14, 01-13..17=15..19, 01-19(Sun mk)=20
    [InlineData("2019-12-20", "2020-01-19", false)]
    // 2020 ------------------------------------------------------------------------------------------
    // day0 Fri 01-17; 01-19(Sun mk)=1, 01-20..23=2..5, 01-24..02-02 off, 02-03..07=6..10, 02-10..14=11..15, 02-17..21=16..20
    [InlineData("2020-01-17", "2020-02-21", false)]
    // day0 Wed 01-22; 01-23=1, 01-24..02-02 off (02-01 make-up cancelled), 02-03..07=2..6, 02-10..14=7..11, 02-17..21=12..16, 02-24..27=17..20
    [InlineData("2020-01-22", "2020-02-27", false)]
    // day0 Fri 01-31 (inside extended Spring Festival); 02-01,02 off, 02-03..07=1..5, 02-10..14=6..10, 02-17..21=11..15, 02-24..28=16..20
    [InlineData("2020-01-31", "2020-02-28", false)]
    // day0 Sat 02-01 (the cancelled make-up day); 02-02 off, 02-03..07=1..5, ... 02-24..28=16..20
    [InlineData("2020-02-01", "2020-02-28", false)]
    // day0 Fri 04-03; 04-04..06 off, 04-07..10=1..4, 04-13..17=5..9, 04-20..24=10..14, 04-26(Sun mk)=15, 04-27..30=16..19, 05-01..05 off, 05-06=20
    [InlineData("2020-04-03", "2020-05-06", false)]
    // day0 Wed 06-24; 06-25..27 off, 06-28(Sun mk)=1, 06-29,30=2,3, 07-01..03=4..6, 07-06..10=7..11, 07-13..17=12..16, 07-20..23=17..20
    [InlineData("2020-06-24", "2020-07-23", false)]
    // day0 Fri 09-25; 09-27(Sun mk)=1, 09-28..30=2..4, 10-01..08 off, 10-09=5, 10-10(Sat mk)=6, 10-12..16=7..11, 10-19..23=12..16, 10-26..29=17..20
    [InlineData("2020-09-25", "2020-10-29", false)]
    // 2021 ------------------------------------------------------------------------------------------
    // day0 Fri 02-05; 02-07(Sun mk)=1, 02-08..10=2..4, 02-11..17 off, 02-18,19=5,6, 02-20(Sat mk)=7, 02-22..26=8..12, 03-01..05=13..17, 03-08..10=18..20
    [InlineData("2021-02-05", "2021-03-10", false)]
    // day0 Sun 02-07 (make-up day); 02-08..10=1..3, 02-11..17 off, 02-18,19=4,5, 02-20(Sat mk)=6, 02-22..26=7..11, 03-01..05=12..16, 03-08..11=17..20
    [InlineData("2021-02-07", "2021-03-11", false)]
    // day0 Fri 04-30; 05-01..05 off, 05-06,07=1,2, 05-08(Sat mk)=3, 05-10..14=4..8, 05-17..21=9..13, 05-24..28=14..18, 05-31=19, 06-01=20
    [InlineData("2021-04-30", "2021-06-01", false)]
    // day0 Fri 09-17; 09-18(Sat mk)=1, 09-19..21 off, 09-22..24=2..4, 09-26(Sun mk)=5, 09-27..30=6..9, 10-01..07 off, 10-08=10, 10-09(Sat mk)=11, 10-11..15=12..16, 10-18..21=17..20
    [InlineData("2021-09-17", "2021-10-21", false)]
    // day0 Fri 12-24 (into 2022); 12-27..31=1..5, 2022-01-01..03 off, 01-04..07=6..9, 01-10..14=10..14, 01-17..21=15..19, 01-24=20
    [InlineData("2021-12-24", "2022-01-24", false)]
    // 2022 ------------------------------------------------------------------------------------------
    // day0 Fri 01-28; 01-29(Sat mk)=1, 01-30(Sun mk)=2, 01-31..02-06 off, 02-07..11=3..7, 02-14..18=8..12, 02-21..25=13..17, 02-28=18, 03-01=19, 03-02=20
    [InlineData("2022-01-28", "2022-03-02", false)]
    // day0 Fri 04-01; 04-02(Sat mk)=1, 04-03..05 off, 04-06..08=2..4, 04-11..15=5..9, 04-18..22=10..14, 04-24(Sun mk)=15, 04-25..29=16..20
    [InlineData("2022-04-01", "2022-04-29", false)]
    // day0 Thu 06-02; 06-03..05 off, 06-06..10=1..5, 06-13..17=6..10, 06-20..24=11..15, 06-27..07-01=16..20
    [InlineData("2022-06-02", "2022-07-01", false)]
    // day0 Fri 09-30; 10-01..07 off, 10-08(Sat mk)=1, 10-09(Sun mk)=2, 10-10..14=3..7, 10-17..21=8..12, 10-24..28=13..17, 10-31=18, 11-01=19, 11-02=20
    [InlineData("2022-09-30", "2022-11-02", false)]
    // day0 Fri 12-16 (into 2023); 12-19..23=1..5, 12-26..30=6..10, 12-31..01-02 off (2023 notice), 01-03..06=11..14, 01-09..13=15..19, 01-16=20
    [InlineData("2022-12-16", "2023-01-16", false)]
    // 2023 ------------------------------------------------------------------------------------------
    // day0 Fri 01-20; 01-21..27 off, 01-28(Sat mk)=1, 01-29(Sun mk)=2, 01-30,31=3,4, 02-01..03=5..7, 02-06..10=8..12, 02-13..17=13..17, 02-20..22=18..20
    [InlineData("2023-01-20", "2023-02-22", false)]
    // day0 Sat 01-28 (make-up day); 01-29(Sun mk)=1, 01-30,31=2,3, 02-01..03=4..6, 02-06..10=7..11, 02-13..17=12..16, 02-20..23=17..20
    [InlineData("2023-01-28", "2023-02-23", false)]
    // day0 Fri 04-28; 04-29..05-03 off, 05-04,05=1,2, 05-06(Sat mk)=3, 05-08..12=4..8, 05-15..19=9..13, 05-22..26=14..18, 05-29=19, 05-30=20
    [InlineData("2023-04-28", "2023-05-30", false)]
    // day0 Wed 06-21; 06-22..24 off, 06-25(Sun mk)=1, 06-26..30=2..6, 07-03..07=7..11, 07-10..14=12..16, 07-17..20=17..20
    [InlineData("2023-06-21", "2023-07-20", false)]
    // day0 Thu 09-28; 09-29..10-06 off, 10-07(Sat mk)=1, 10-08(Sun mk)=2, 10-09..13=3..7, 10-16..20=8..12, 10-23..27=13..17, 10-30,31=18,19, 11-01=20
    [InlineData("2023-09-28", "2023-11-01", false)]
    // 2024 ------------------------------------------------------------------------------------------
    // day0 Sun 02-04 (make-up day); 02-05..09=1..5, 02-10..17 off, 02-18(Sun mk)=6, 02-19..23=7..11, 02-26..03-01=12..16, 03-04..07=17..20
    [InlineData("2024-02-04", "2024-03-07", false)]
    // day0 Fri 02-09; 02-10..17 off, 02-18(Sun mk)=1, 02-19..23=2..6, 02-26..03-01=7..11, 03-04..08=12..16, 03-11..14=17..20
    [InlineData("2024-02-09", "2024-03-14", false)]
    // day0 Tue 04-30; 05-01..05 off, 05-06..10=1..5, 05-11(Sat mk)=6, 05-13..17=7..11, 05-20..24=12..16, 05-27..30=17..20
    [InlineData("2024-04-30", "2024-05-30", false)]
    // day0 Fri 06-07; 06-10 off, 06-11..14=1..4, 06-17..21=5..9, 06-24..28=10..14, 07-01..05=15..19, 07-08=20
    [InlineData("2024-06-07", "2024-07-08", false)]
    // day0 Fri 09-13; 09-14(Sat mk)=1, 09-15..17 off, 09-18..20=2..4, 09-23..27=5..9, 09-29(Sun mk)=10, 09-30=11, 10-01..07 off, 10-08..11=12..15, 10-12(Sat mk)=16, 10-14..17=17..20
    [InlineData("2024-09-13", "2024-10-17", false)]
    // day0 Fri 12-20 (into 2025); 12-23..27=1..5, 12-30,31=6,7, 2025-01-01 off, 01-02,03=8,9, 01-06..10=10..14, 01-13..17=15..19, 01-20=20
    [InlineData("2024-12-20", "2025-01-20", false)]
    // 2025 ------------------------------------------------------------------------------------------
    // day0 Fri 01-24; 01-26(Sun mk)=1, 01-27=2, 01-28..02-04 off, 02-05..07=3..5, 02-08(Sat mk)=6, 02-10..14=7..11, 02-17..21=12..16, 02-24..27=17..20
    [InlineData("2025-01-24", "2025-02-27", false)]
    // day0 Sat 02-08 (make-up day); 02-09 Sun rest, 02-10..14=1..5, 02-17..21=6..10, 02-24..28=11..15, 03-03..07=16..20
    [InlineData("2025-02-08", "2025-03-07", false)]
    // day0 Wed 04-30; 05-01..05 off, 05-06..09=1..4, 05-12..16=5..9, 05-19..23=10..14, 05-26..30=15..19, 05-31..06-02 off, 06-03=20
    [InlineData("2025-04-30", "2025-06-03", false)]
    // day0 Fri 05-30; 05-31..06-02 off, 06-03..06=1..4, 06-09..13=5..9, 06-16..20=10..14, 06-23..27=15..19, 06-30=20
    [InlineData("2025-05-30", "2025-06-30", false)]
    // day0 Fri 09-26; 09-28(Sun mk)=1, 09-29,30=2,3, 10-01..08 off, 10-09,10=4,5, 10-11(Sat mk)=6, 10-13..17=7..11, 10-20..24=12..16, 10-27..30=17..20
    [InlineData("2025-09-26", "2025-10-30", false)]
    // 2026 ------------------------------------------------------------------------------------------
    // day0 Fri 02-13; 02-14(Sat mk)=1, 02-15..23 off, 02-24..27=2..5, 02-28(Sat mk)=6, 03-02..06=7..11, 03-09..13=12..16, 03-16..19=17..20
    [InlineData("2026-02-13", "2026-03-19", false)]
    // day0 Sat 02-14 (make-up day); 02-15..23 off, 02-24..27=1..4, 02-28(Sat mk)=5, 03-02..06=6..10, 03-09..13=11..15, 03-16..20=16..20
    [InlineData("2026-02-14", "2026-03-20", false)]
    // day0 Wed 02-18 (inside Spring Festival); 02-19..23 off, 02-24..27=1..4, 02-28(Sat mk)=5, 03-02..06=6..10, 03-09..13=11..15, 03-16..20=16..20
    [InlineData("2026-02-18", "2026-03-20", false)]
    // day0 Sat 03-07 (ordinary weekend); 03-08 Sun rest, 03-09..13=1..5, 03-16..20=6..10, 03-23..27=11..15, 03-30,31=16,17, 04-01..03=18..20
    [InlineData("2026-03-07", "2026-04-03", false)]
    // day0 Fri 05-01 (May Day); 05-02..05 off, 05-06..08=1..3, 05-09(Sat mk)=4, 05-11..15=5..9, 05-18..22=10..14, 05-25..29=15..19, 06-01=20
    [InlineData("2026-05-01", "2026-06-01", false)]
    // day0 Thu 06-18; 06-19..21 off, 06-22..26=1..5, 06-29..07-03=6..10, 07-06..10=11..15, 07-13..17=16..20
    [InlineData("2026-06-18", "2026-07-17", false)]
    // day0 Fri 09-18; 09-20(Sun mk)=1, 09-21..24=2..5, 09-25..27 off, 09-28..30=6..8, 10-01..07 off, 10-08,09=9,10, 10-10(Sat mk)=11, 10-12..16=12..16, 10-19..22=17..20
    [InlineData("2026-09-18", "2026-10-22", false)]
    // day0 Fri 11-27; 11-30=1, 12-01..04=2..5, 12-07..11=6..10, 12-14..18=11..15, 12-21..25=16..20 (all inside 2026)
    [InlineData("2026-11-27", "2026-12-25", false)]
    // day0 Fri 12-04 (into 2027, not loaded: weekends only); 12-07..11=1..5, 12-14..18=6..10, 12-21..25=11..15, 12-28..31=16..19, 2027-01-01 Fri=20
    [InlineData("2026-12-04", "2027-01-01", true)]
    // day0 Thu 12-31; 2027-01-01 Fri=1, 01-04..08=2..6, 01-11..15=7..11, 01-18..22=12..16, 01-25..28=17..20 (weekends only)
    [InlineData("2026-12-31", "2027-01-28", true)]
    public void Reply_due_20_working_days_after_receipt(string received, string due, bool provisional)
    {
        var clock = Reply(new ReplyClockInput(D(received)));
        Assert.Equal(D(due), clock.DueOn);
        Assert.Equal(D(received), clock.DayZero);
        Assert.Equal(20, clock.WorkingDays);
        Assert.Equal(provisional, clock.Provisional);
        Assert.False(clock.Paused);
    }

    // ---- corrections, pauses, extensions, art 35 ----
    // pauses: "S..E:Kind" separated by ';'; "S..:Kind" is an open pause (no end yet).

    [Theory]
    // Unspecified pause [03-02, 03-10] leaves out 03-03..06, 03-09, 03-10 (6).
    // day0 Thu 02-26; 02-27=1, 02-28(Sat mk)=2, 03-02=3 (S itself counts), 03-03..10 paused, 03-11..13=4..6, 03-16..20=7..11, 03-23..27=12..16, 03-30,31=17,18, 04-01=19, 04-02=20
    [InlineData("2026-02-26", null, "2026-03-02..2026-03-10:Unspecified", 0, "2026-04-02")]
    // Third-party consultation across Qingming: [03-30, 04-21] leaves out 03-31..04-03 (4), 04-07..10 (4), 04-13..17 (5), 04-20,21 (2) = 15.
    // day0 Mon 03-23; 03-24..27=1..4, 03-30=5, paused to 04-21, 04-22..24=6..8, 04-27..30=9..12, 05-01..05 off, 05-06..08=13..15, 05-09(Sat mk)=16, 05-11..14=17..20
    [InlineData("2026-03-23", null, "2026-03-30..2026-04-21:ThirdPartyConsultation", 0, "2026-05-14")]
    // Fee wait across National Day 2025: [09-22, 10-13] leaves out 09-23..26 (4), 09-28 Sun mk (1), 09-29,30 (2), 10-09,10 (2), 10-11 Sat mk (1), 10-13 (1) = 11.
    // day0 Mon 09-15; 09-16..19=1..4, 09-22=5, paused to 10-13, 10-14..17=6..9, 10-20..24=10..14, 10-27..31=15..19, 11-03=20
    [InlineData("2025-09-15", null, "2025-09-22..2025-10-13:FeeWait", 0, "2025-11-03")]
    // Overlapping pauses [06-03, 06-12] and [06-08, 06-24] count once: union (06-03, 06-24] = 06-04,05, 06-08..12, 06-15..18, 06-22..24 = 14.
    // day0 Mon 06-01; 06-02=1, 06-03=2, paused to 06-24, 06-25,26=3,4, 06-29,30=5,6, 07-01..03=7..9, 07-06..10=10..14, 07-13..17=15..19, 07-20=20
    [InlineData("2026-06-01", null, "2026-06-03..2026-06-12:ThirdPartyConsultation;2026-06-08..2026-06-24:AgencyConsultation", 0, "2026-07-20")]
    // Nested pauses [03-03, 03-19] ⊃ [03-08, 03-12]: union leaves out 03-04,05, 03-08..12, 03-15..19 = 12.
    // day0 Mon 2021-03-01; 03-02=1, 03-03=2, paused to 03-19, 03-22..26=3..7, 03-29..04-02=8..12, 04-03..05 off, 04-06..09=13..16, 04-12..15=17..20
    [InlineData("2021-03-01", null, "2021-03-03..2021-03-19:ThirdPartyConsultation;2021-03-08..2021-03-12:AgencyConsultation", 0, "2021-04-15")]
    // Pause entirely inside National Day [10-01, 10-07]: no working day left out.
    // day0 Mon 09-28; 09-29,30=1,2, 10-01..07 off, 10-08,09=3,4, 10-10(Sat mk)=5, 10-12..16=6..10, 10-19..23=11..15, 10-26..30=16..20
    [InlineData("2026-09-28", null, "2026-10-01..2026-10-07:Unspecified", 0, "2026-10-30")]
    // Pause starting on day 0 [04-13, 04-30]: leaves out 04-14..17, 04-20..24, 04-27..30 = 13.
    // day0 Mon 04-13; paused to 04-30, 05-01..05 off, 05-06..08=1..3, 05-09(Sat mk)=4, 05-11..15=5..9, 05-18..22=10..14, 05-25..29=15..19, 06-01=20
    [InlineData("2026-04-13", null, "2026-04-13..2026-04-30:ThirdPartyConsultation", 0, "2026-06-01")]
    // Pause ending inside a holiday [2024-09-20, 2024-10-05]: leaves out 09-23..27 (5), 09-29 Sun mk, 09-30 (2) = 7.
    // day0 Mon 2024-09-02; 09-03..06=1..4, 09-09..13=5..9, 09-14(Sat mk)=10, 09-15..17 off, 09-18..20=11..13, paused to 10-05, 10-06,07 off, 10-08..11=14..17, 10-12(Sat mk)=18, 10-14=19, 10-15=20
    [InlineData("2024-09-02", null, "2024-09-20..2024-10-05:FeeWait", 0, "2024-10-15")]
    // 2020 extended Spring Festival inside a pause [01-23, 02-10]: leaves out 02-03..07, 02-10 = 6 (01-24..02-02 off anyway).
    // day0 Mon 2020-01-20; 01-21,22=1,2, 01-23=3, paused to 02-10, 02-11..14=4..7, 02-17..21=8..12, 02-24..28=13..17, 03-02..04=18..20
    [InlineData("2020-01-20", null, "2020-01-23..2020-02-10:ThirdPartyConsultation", 0, "2020-03-04")]
    // Zero-length pause [06-05, 06-05] leaves out nothing.
    // day0 Mon 06-01; 06-02..05=1..4, 06-08..12=5..9, 06-15..18=10..13, 06-19..21 off, 06-22..26=14..18, 06-29=19, 06-30=20
    [InlineData("2026-06-01", null, "2026-06-05..2026-06-05:Unspecified", 0, "2026-06-30")]
    // Pause starting after the due date changes nothing: due 06-30 as above.
    [InlineData("2026-06-01", null, "2026-07-06..2026-07-10:AgencyConsultation", 0, "2026-06-30")]
    // Correction restart: day 0 = 03-05 (corrected application received).
    // day0 Thu 03-05; 03-06=1, 03-09..13=2..6, 03-16..20=7..11, 03-23..27=12..16, 03-30,31=17,18, 04-01=19, 04-02=20
    [InlineData("2026-02-12", "2026-03-05", "", 0, "2026-04-02")]
    // Correction restart into National Day: day0 Tue 2025-09-30; 10-01..08 off, 10-09,10=1,2, 10-11(Sat mk)=3, 10-13..17=4..8, 10-20..24=9..13, 10-27..31=14..18, 11-03=19, 11-04=20
    [InlineData("2025-09-22", "2025-09-30", "", 0, "2025-11-04")]
    // Correction restart + pause [10-10, 10-14] (leaves out 10-11..14 = 4).
    // day0 Thu 2022-09-29; 09-30=1, 10-01..07 off, 10-08(Sat mk)=2, 10-09(Sun mk)=3, 10-10=4, paused to 10-14, 10-17..21=5..9, 10-24..28=10..14, 10-31=15, 11-01..04=16..19, 11-07=20
    [InlineData("2022-09-26", "2022-09-29", "2022-10-10..2022-10-14:AgencyConsultation", 0, "2022-11-07")]
    // Full extension 2025: day0 Fri 01-24 → 20th = 02-27 (see plain case); 02-28=21, 03-03..07=22..26, 03-10..14=27..31, 03-17..21=32..36, 03-24..27=37..40
    [InlineData("2025-01-24", null, "", 20, "2025-03-27")]
    // Partial extension of 10: day0 Wed 2026-09-30 → 20th = 11-03; 11-04..06=21..23, 11-09..13=24..28, 11-16=29, 11-17=30
    [InlineData("2026-09-30", null, "", 10, "2026-11-17")]
    // Partial extension of 1 over a holiday: day0 Fri 2026-04-10; 04-13..17=1..5, 04-20..24=6..10, 04-27..30=11..14, 05-01..05 off, 05-06..08=15..17, 05-09(Sat mk)=18, 05-11=19, 05-12=20, 05-13=21
    [InlineData("2026-04-10", null, "", 1, "2026-05-13")]
    // Full extension + the Qingming consultation pause: 20th = 05-14 (see above); 05-15=21, 05-18..22=22..26, 05-25..29=27..31, 06-01..05=32..36, 06-08..11=37..40
    [InlineData("2026-03-23", null, "2026-03-30..2026-04-21:ThirdPartyConsultation", 20, "2026-06-11")]
    // Correction + extension: day0 Thu 2024-09-12 (corrected); 09-13=1, 09-14(Sat mk)=2, 09-15..17 off, 09-18..20=3..5, 09-23..27=6..10, 09-29(Sun mk)=11, 09-30=12, 10-01..07 off,
    // 10-08..11=13..16, 10-12(Sat mk)=17, 10-14..16=18..20, 10-17,18=21,22, 10-21..25=23..27, 10-28..31=28..31, 11-01=32, 11-04..08=33..37, 11-11..13=38..40
    [InlineData("2024-09-02", "2024-09-12", "", 20, "2024-11-13")]
    public void Reply_due_with_corrections_pauses_and_extensions(string received, string? corrected, string pauses, int extension, string due)
    {
        var clock = Reply(new ReplyClockInput(D(received), corrected is null ? null : D(corrected), Pauses(pauses), extension));
        Assert.Equal(D(due), clock.DueOn);
        Assert.Equal(D(corrected ?? received), clock.DayZero);
        Assert.Equal(20 + extension, clock.WorkingDays);
        Assert.False(clock.Paused);
        Assert.False(clock.Provisional);
        Assert.Null(clock.DaysUsed);
    }

    [Theory]
    // Open agency consultation from Wed 06-10: day0 Mon 06-01; 06-02..05=1..4, 06-08,09=5,6, 06-10=7 (S counts), then stopped.
    [InlineData("2026-06-01", "2026-06-10..:AgencyConsultation", 0, 7, 13)]
    // Open fee wait from Thu 10-01 (a holiday): day0 Mon 09-21; 09-22..24=1..3, 09-25..27 off, 09-28..30=4..6, 10-01 off, then stopped.
    [InlineData("2026-09-21", "2026-10-01..:FeeWait", 0, 6, 14)]
    // Closed [06-03, 06-05] (leaves out 06-04,05) then open from Mon 06-15: 06-02=1, 06-03=2, 06-08..12=3..7, 06-15=8, stopped.
    [InlineData("2026-06-01", "2026-06-03..2026-06-05:ThirdPartyConsultation;2026-06-15..:AgencyConsultation", 0, 8, 12)]
    // Open pause with a full extension granted: day0 Mon 06-01; 06-02..05=1..4, 06-08,09=5,6, 06-10=7, stopped; 40-7 = 33 remain.
    [InlineData("2026-06-01", "2026-06-10..:ThirdPartyConsultation", 20, 7, 33)]
    // Open pause on day 0: nothing used.
    [InlineData("2026-03-02", "2026-03-02..:ThirdPartyConsultation", 0, 0, 20)]
    public void Open_pause_stops_the_clock(string received, string pauses, int extension, int used, int remaining)
    {
        var clock = Reply(new ReplyClockInput(D(received), Pauses: Pauses(pauses), ExtensionDays: extension));
        Assert.Null(clock.DueOn);
        Assert.True(clock.Paused);
        Assert.Equal(used, clock.DaysUsed);
        Assert.Equal(remaining, clock.DaysRemaining);
        Assert.Equal(20 + extension, clock.WorkingDays);
        Assert.False(clock.Provisional);
    }

    [Fact]
    public void Open_pause_explanation()
    {
        // day0 Mon 06-01; 06-02..05=1..4, 06-08,09=5,6, 06-10=7, stopped
        var clock = Reply(new ReplyClockInput(D("2026-06-01"), Pauses: Pauses("2026-06-10..:AgencyConsultation")));
        Assert.Contains("2026-06-10 起 征求其他机关意见，尚未结束，答复期限中止计算", clock.Explanation);
        Assert.Contains("期限中止中：已用7个工作日，剩余13个工作日", clock.Explanation);
    }

    [Fact]
    public void Open_pause_running_into_an_unloaded_year_is_provisional_and_says_which_year()
    {
        // day0 Mon 2026-12-14; 12-15..18=1..4, 12-21..25=5..9, 12-28..31=10..13, 2027-01-01 Fri=14 (weekends only),
        // 01-04=15, 01-05=16 (S), stopped
        var clock = Reply(new ReplyClockInput(D("2026-12-14"), Pauses: Pauses("2027-01-05..:FeeWait")));
        Assert.True(clock.Paused);
        Assert.Equal(16, clock.DaysUsed);
        Assert.Equal(4, clock.DaysRemaining);
        Assert.True(clock.Provisional);
        Assert.Contains("注意：2027年的节假日安排尚未载入，仅按周六、周日休息计算，结果为暂定", clock.Explanation);
    }

    // ---- art 35 ----

    [Theory]
    [InlineData("2026-03-02", "", "2026-06-30")]
    // art 35 date wins over an open pause and over pauses that would otherwise move the date
    [InlineData("2026-03-02", "2026-03-10..:ThirdPartyConsultation", "2026-06-30")]
    [InlineData("2026-03-02", "2026-03-03..2026-04-30:AgencyConsultation", "2026-05-15")]
    // a date set in an unloaded year is the agency's decision, not a computation: not provisional
    [InlineData("2026-12-01", "", "2027-03-01")]
    public void Article_35_date_replaces_the_deadline(string received, string pauses, string art35)
    {
        var clock = Reply(new ReplyClockInput(D(received), Pauses: Pauses(pauses), Article35ReplyOn: D(art35)));
        Assert.Equal(D(art35), clock.DueOn);
        Assert.False(clock.Paused);
        Assert.False(clock.Provisional);
        Assert.Null(clock.DaysUsed);
        Assert.Null(clock.DaysRemaining);
    }

    [Fact]
    public void Article_35_explanation()
    {
        var clock = Reply(new ReplyClockInput(D("2026-03-02"), Article35ReplyOn: D("2026-06-30")));
        Assert.Equal(
        [
            "2026-03-02（星期一） 收到申请（第0日）",
            "依条例第三十五条确定合理的答复期限，答复期限为 2026-06-30（星期二）",
        ], clock.Explanation);
    }

    // ---- explanation ----

    [Fact]
    public void Explanation_of_an_unspecified_pause()
    {
        // see the first row of Reply_due_with_corrections_pauses_and_extensions: due 04-02
        var clock = Reply(new ReplyClockInput(D("2026-02-26"), Pauses: Pauses("2026-03-02..2026-03-10:Unspecified")));
        Assert.Equal(
        [
            "2026-02-26（星期四） 收到申请（第0日）",
            "答复期限为收到申请之日起20个工作日（条例第三十三条第二款）",
            "2026-03-02 至 2026-03-10 中止计算，不计入答复期限（6个工作日）",
            "答复期限届满日：2026-04-02（星期四）（第20个计入的工作日）",
        ], clock.Explanation);
    }

    [Fact]
    public void Explanation_labels_a_third_party_consultation()
    {
        var clock = Reply(new ReplyClockInput(D("2026-03-23"), Pauses: Pauses("2026-03-30..2026-04-21:ThirdPartyConsultation")));
        Assert.Contains("2026-03-30 至 2026-04-21 征求第三方意见，不计入答复期限（15个工作日）", clock.Explanation);
        Assert.Contains("答复期限届满日：2026-05-14（星期四）（第20个计入的工作日）", clock.Explanation);
    }

    [Fact]
    public void Explanation_labels_agency_consultation_and_fee_wait_and_reports_overlap_once()
    {
        // [06-03, 06-12] leaves out 06-04,05,08..12 = 7; [06-08, 06-24] leaves out 06-09..12, 06-15..18, 06-22..24 = 11;
        // union = 14 (see the overlap row above)
        var clock = Reply(new ReplyClockInput(D("2026-06-01"),
            Pauses: Pauses("2026-06-03..2026-06-12:FeeWait;2026-06-08..2026-06-24:AgencyConsultation")));
        Assert.Equal(D("2026-07-20"), clock.DueOn);
        Assert.Contains("2026-06-03 至 2026-06-12 等待缴纳信息处理费，不计入答复期限（7个工作日）", clock.Explanation);
        Assert.Contains("2026-06-08 至 2026-06-24 征求其他机关意见，不计入答复期限（11个工作日）", clock.Explanation);
        Assert.Contains("上述期间有重叠，重叠的工作日只计一次，共不计入14个工作日", clock.Explanation);
    }

    [Fact]
    public void Explanation_of_correction_and_extension()
    {
        // day0 Thu 03-05 (corrected) → 20th = 04-02 (see above); 04-03=21, 04-04..06 off, 04-07..10=22..25, 04-13..17=26..30
        var clock = Reply(new ReplyClockInput(D("2026-02-12"), D("2026-03-05"), ExtensionDays: 10));
        Assert.Equal(D("2026-04-17"), clock.DueOn);
        Assert.Equal(
        [
            "2026-02-12（星期四） 收到申请",
            "2026-03-05（星期四） 收到补正后的申请，答复期限自该日重新计算（第0日）",
            "答复期限为收到申请之日起20个工作日（条例第三十三条第二款）",
            "经政府信息公开工作机构负责人同意延长答复期限10个工作日（条例第三十三条第二款）",
            "答复期限届满日：2026-04-17（星期五）（第30个计入的工作日）",
        ], clock.Explanation);
    }

    [Fact]
    public void Explanation_warns_when_provisional()
    {
        // day0 Fri 12-04 → 2027-01-01 (weekends only), see the plain cases
        var clock = Reply(new ReplyClockInput(D("2026-12-04")));
        Assert.True(clock.Provisional);
        Assert.Equal("注意：2027年的节假日安排尚未载入，仅按周六、周日休息计算，结果为暂定", clock.Explanation[^1]);

        var firm = Reply(new ReplyClockInput(D("2026-11-27")));
        Assert.False(firm.Provisional);
        Assert.DoesNotContain(firm.Explanation, l => l.StartsWith("注意", StringComparison.Ordinal));
    }

    [Fact]
    public void Explanation_can_be_skipped()
    {
        var clock = StatutoryClock.Reply(Shipped, new ReplyClockInput(D("2026-02-12")), explain: false);
        Assert.Equal(D("2026-03-18"), clock.DueOn);
        Assert.Empty(clock.Explanation);
    }

    [Fact]
    public void Explanation_does_not_depend_on_the_current_culture()
    {
        var saved = CultureInfo.CurrentCulture;
        try
        {
            // th-TH formats years in the Buddhist era by default; legal dates must stay Gregorian.
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("th-TH");
            var clock = Reply(new ReplyClockInput(D("2026-02-26"), Pauses: Pauses("2026-03-02..2026-03-10:Unspecified")));
            Assert.Contains("2026-03-02 至 2026-03-10 中止计算，不计入答复期限（6个工作日）", clock.Explanation);
            Assert.Contains("答复期限届满日：2026-04-02（星期四）（第20个计入的工作日）", clock.Explanation);
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    // ---- local days ----

    [Fact]
    public void Local_day_off_moves_the_reply_deadline()
    {
        // day0 Thu 02-12 as in the worked example, with a local day off on Tue 03-10:
        // ... 03-09=13, 03-10 local off, 03-11..13=14..16, 03-16..19=17..20
        var local = Shipped.WithLocalDays([new CalendarEntry(2026, D("2026-03-10"), CalendarDayKind.DayOff, CalendarSource.Local, "地方假日", "A01")]);
        var clock = Reply(new ReplyClockInput(D("2026-02-12")), local);
        Assert.Equal(D("2026-03-19"), clock.DueOn);
    }

    // ---- input validation ----

    [Fact]
    public void Validate_reports_field_errors()
    {
        var input = new ReplyClockInput(D("2026-03-10"), D("2026-03-09"),
            [new ClockPause(D("2026-03-12"), D("2026-03-11")), new ClockPause(D("2026-03-01"), null), new ClockPause(D("2026-03-20"), null)],
            ExtensionDays: 21, Article35ReplyOn: D("2026-03-01"));
        var fields = input.Validate().Select(e => e.Field).ToList();
        Assert.Equal(["correctionReceivedOn", "extensionDays", "article35ReplyOn", "pauses[0].to", "pauses[1].from", "pauses"], fields);
        Assert.Empty(new ReplyClockInput(D("2026-03-10"), ExtensionDays: 20).Validate());
    }

    private static IReadOnlyList<ClockPause>? Pauses(string spec)
    {
        if (string.IsNullOrEmpty(spec)) return null;
        var list = new List<ClockPause>();
        foreach (var part in spec.Split(';'))
        {
            var kindSep = part.LastIndexOf(':');
            var kind = Enum.Parse<PauseKind>(part[(kindSep + 1)..]);
            var dates = part[..kindSep].Split("..");
            list.Add(new ClockPause(D(dates[0]), dates[1].Length == 0 ? null : D(dates[1]), kind));
        }
        return list;
    }
}
