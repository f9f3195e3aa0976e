using System.Globalization;
using System.Text;
using System.Xml;

namespace CaseFlow.Workflows.Definitions;

/// <summary>Draws a workflow definition as a self-contained SVG (no external fonts, scripts or images).
/// <para>Layout: states are rows of boxes, layered by breadth-first distance from the initial state;
/// final states share the bottom row so arrows flow downwards. Actions that keep the state are bullet
/// lines inside the box; every other (state → state) pair is one orthogonal arrow carrying the labels of
/// all actions that make that move. Arrows run only in the bands between rows and in lanes beside the
/// diagram, so they never cross a box, and labels are packed on separate tracks so they never overlap
/// each other or a box.</para>
/// <para>Output is deterministic: the same definition always gives the same bytes.</para></summary>
public static class DiagramRenderer
{
    public const string FontFamily = "Noto Sans CJK SC, sans-serif";

    private const int BoxGap = 80;          // between boxes of one row
    private const int MinBandHeight = 120;  // between rows
    private const int BandMargin = 14;
    private const int BoxPadding = 12;
    private const int MinBoxWidth = 130;
    private const int TitleSize = 16;
    private const int SubSize = 11;
    private const int BulletSize = 12;
    private const int LabelSize = 13;
    private const int RoleSize = 10;
    private const int LaneOffset = 40;
    private const int LaneSpacing = 16;
    private const int TrackGap = 12;        // horizontal clearance between segments sharing a track

    private static readonly string[] Palette =
        ["#1f5fa8", "#b5452b", "#2e7d32", "#7b3fa0", "#a8731f", "#00838f", "#c2185b", "#5d6b1f"];

    private static readonly IReadOnlyDictionary<string, string> GuardLabels = Registry.GuardTable.ToDictionary(g => g.Name, g => g.Label, StringComparer.Ordinal);

    public static string RenderSvg(WorkflowDefinition d)
    {
        ArgumentNullException.ThrowIfNull(d);
        var boxes = BuildBoxes(d);
        var byId = boxes.ToDictionary(b => b.State.Id, StringComparer.Ordinal);
        var edges = BuildEdges(d, byId);
        AssignRows(d, boxes, byId, edges);
        var rowCount = boxes.Max(b => b.Row) + 1;
        PlaceRowsHorizontally(boxes, rowCount);
        var lanes = RouteEdges(edges, boxes);
        var bands = PackTracks(edges, rowCount);
        PlaceVertically(boxes, bands, rowCount);
        foreach (var e in edges) e.BuildPoints(bands);
        return Emit(d, boxes, edges, lanes);
    }

    // ------------------------------------------------------------------ model of the drawing

    private sealed class Box(StateDefinition state)
    {
        public StateDefinition State { get; } = state;
        public List<string> Bullets { get; } = [];
        public int Row { get; set; }
        public double X { get; set; }
        public double Y { get; set; }
        public double W { get; set; }
        public double H { get; set; }
        public double Cx => X + W / 2;
        public List<Port> Top { get; } = [];
        public List<Port> Bottom { get; } = [];
        public string Subtitle { get; set; } = "";
    }

    private sealed class Port(Edge edge, bool outgoing)
    {
        public Edge Edge { get; } = edge;
        public bool Outgoing { get; } = outgoing;
        public double X { get; set; }
    }

    private sealed record LabelLine(string Text, string Sub);

    private enum Route { Down, Up, Same, LaneDown, LaneUp }

    private sealed class Lane(int side, int index)
    {
        public int Side { get; } = side;   // -1 left, +1 right
        public int Index { get; } = index;
        public double X { get; set; }
    }

    private sealed class Segment(Edge edge, int band, bool labelled)
    {
        public Edge Edge { get; } = edge;
        public int Band { get; } = band;
        public bool Labelled { get; } = labelled;
        public double X1 { get; set; }
        public double X2 { get; set; }
        public int Track { get; set; }
        public double Y { get; set; }
        public double LabelLeft => X2 >= X1 ? X1 + 6 : X1 - 6 - Edge.LabelWidth;
        public double Left => Labelled ? Math.Min(Math.Min(X1, X2), LabelLeft) : Math.Min(X1, X2);
        public double Right => Labelled ? Math.Max(Math.Max(X1, X2), LabelLeft + Edge.LabelWidth) : Math.Max(X1, X2);
        public double SlotHeight => Labelled ? Edge.LabelHeight + 8 : 8;
    }

    private sealed class Edge(int index, Box from, Box to)
    {
        public int Index { get; } = index;
        public Box From { get; } = from;
        public Box To { get; } = to;
        public List<LabelLine> Lines { get; } = [];
        public Route Route { get; set; }
        public Port? Out { get; set; }
        public Port? In { get; set; }
        public Lane? Lane { get; set; }
        public List<Segment> Segments { get; } = [];
        public List<(double X, double Y)> Points { get; } = [];
        public string Color => Palette[Index % Palette.Length];
        public int ColorIndex => Index % Palette.Length;

        public double LabelWidth => Lines.Max(l => Math.Max(TextWidth(l.Text, LabelSize), TextWidth(l.Sub, RoleSize))) + 8;
        public double LabelHeight => Lines.Count * (LabelSize + RoleSize + 6);

        public void BuildPoints(List<Band> bands)
        {
            var first = Segments[0];
            var startY = Route is Route.Up or Route.LaneUp ? From.Y : From.Y + From.H;
            var endY = Route is Route.Down or Route.LaneDown ? To.Y : To.Y + To.H;
            first.Y = bands[first.Band].TrackY(first.Track);
            Points.Add((Out!.X, startY));
            Points.Add((Out.X, first.Y));
            if (Lane is null)
            {
                Points.Add((In!.X, first.Y));
            }
            else
            {
                var second = Segments[1];
                second.Y = bands[second.Band].TrackY(second.Track);
                Points.Add((Lane.X, first.Y));
                Points.Add((Lane.X, second.Y));
                Points.Add((In!.X, second.Y));
            }
            Points.Add((In.X, endY));
        }
    }

    private sealed class Band
    {
        public List<List<Segment>> Tracks { get; } = [];
        public double Top { get; set; }
        public double Height => Math.Max(MinBandHeight, 2 * BandMargin + Tracks.Sum(TrackHeight));

        private static double TrackHeight(List<Segment> t) => t.Max(s => s.SlotHeight);

        /// <summary>The y of a track's line; the tracks are centred in the band, each line at the
        /// bottom of its slot so the labels sit above it.</summary>
        public double TrackY(int track)
        {
            var used = Tracks.Sum(TrackHeight);
            var y = Top + Math.Max(BandMargin, (Height - used) / 2);
            for (var i = 0; i <= track; i++) y += TrackHeight(Tracks[i]);
            return y - 4;
        }
    }

    // ------------------------------------------------------------------ building

    private static List<Box> BuildBoxes(WorkflowDefinition d)
    {
        var boxes = new List<Box>();
        foreach (var s in d.States)
            if (boxes.All(b => b.State.Id != s.Id)) boxes.Add(new Box(s));
        if (boxes.Count == 0)
            boxes.Add(new Box(new StateDefinition { Id = "(none)", Label = "（无状态）" }));
        foreach (var b in boxes)
        {
            var s = b.State;
            var role = s.TaskRole is null ? null : Roles.Labels.GetValueOrDefault(s.TaskRole, s.TaskRole);
            var category = s.Category switch
            {
                StateCategory.Waiting => "等待外部",
                StateCategory.Final => "终态",
                _ => role is null ? "办理" : $"待办：{role}",
            };
            b.Subtitle = $"{s.Id} · {category}";
        }
        return boxes;
    }

    private static string RoleText(IEnumerable<string> roles) =>
        string.Join("、", roles.Select(r => Roles.Labels.GetValueOrDefault(r, r)));

    private static string GuardText(string guard) =>
        guard.StartsWith('!')
            ? "非" + GuardLabels.GetValueOrDefault(guard[1..], guard[1..])
            : GuardLabels.GetValueOrDefault(guard, guard);

    private static List<Edge> BuildEdges(WorkflowDefinition d, Dictionary<string, Box> byId)
    {
        var edges = new List<Edge>();
        foreach (var a in d.Actions)
        {
            var roles = RoleText(a.Roles);
            var transitions = a.EffectiveTransitions.ToList();
            var conditional = transitions.Any(t => t.When is not null);
            foreach (var fromId in a.From.Distinct())
            {
                if (!byId.TryGetValue(fromId, out var from)) continue;
                var bullet = $"• {a.Label}（{roles}）";
                if (transitions.Count == 0)
                {
                    if (!from.Bullets.Contains(bullet)) from.Bullets.Add(bullet);
                    continue;
                }
                foreach (var t in transitions)
                {
                    if (t.To == fromId)
                    {
                        if (!from.Bullets.Contains(bullet)) from.Bullets.Add(bullet);
                        continue;
                    }
                    if (!byId.TryGetValue(t.To, out var to)) continue;
                    var edge = edges.FirstOrDefault(e => e.From == from && e.To == to);
                    if (edge is null) edges.Add(edge = new Edge(edges.Count, from, to));
                    var condition = t.When is not null ? $" · 若{GuardText(t.When)}" : conditional ? " · 否则" : "";
                    edge.Lines.Add(new LabelLine(a.Label, roles + condition));
                }
            }
        }
        foreach (var b in byId.Values) SizeBox(b);
        return edges;
    }

    private static void SizeBox(Box b)
    {
        var width = Math.Max(TextWidth(b.State.Label, TitleSize), TextWidth(b.Subtitle, SubSize));
        foreach (var line in b.Bullets) width = Math.Max(width, TextWidth(line, BulletSize));
        b.W = Math.Ceiling(Math.Max(MinBoxWidth, width + 2 * BoxPadding));
        b.H = BoxPadding + TitleSize + 6 + SubSize + 6 + (b.Bullets.Count > 0 ? 4 + b.Bullets.Count * (BulletSize + 5) : 0) + BoxPadding;
    }

    /// <summary>Rows by breadth-first distance from the initial state; final states take the row below
    /// every other state; unreachable states a row of their own at the very bottom.</summary>
    private static void AssignRows(WorkflowDefinition d, List<Box> boxes, Dictionary<string, Box> byId, List<Edge> edges)
    {
        var start = byId.GetValueOrDefault(d.InitialState) ?? boxes[0];
        var distance = new Dictionary<Box, int> { [start] = 0 };
        var queue = new Queue<Box>([start]);
        while (queue.TryDequeue(out var b))
            foreach (var e in edges.Where(e => e.From == b))
                if (distance.TryAdd(e.To, distance[b] + 1)) queue.Enqueue(e.To);

        var nonFinal = boxes.Where(b => distance.ContainsKey(b) && (b.State.Category != StateCategory.Final || b == start)).ToList();
        var finalRow = nonFinal.Count == 0 ? 0 : nonFinal.Max(b => distance[b]) + 1;
        foreach (var b in boxes)
            b.Row = !distance.TryGetValue(b, out var dist) ? -1
                : b.State.Category == StateCategory.Final && b != start ? finalRow
                : dist;
        var reachedRows = boxes.Where(b => b.Row >= 0).Select(b => b.Row).DefaultIfEmpty(-1).Max();
        foreach (var b in boxes.Where(b => b.Row < 0)) b.Row = reachedRows + 1;

        // Close gaps (e.g. no final state reachable).
        var used = boxes.Select(b => b.Row).Distinct().Order().ToList();
        foreach (var b in boxes) b.Row = used.IndexOf(b.Row);
    }

    private static void PlaceRowsHorizontally(List<Box> boxes, int rowCount)
    {
        var rows = Enumerable.Range(0, rowCount).Select(r => boxes.Where(b => b.Row == r).ToList()).ToList();
        var widest = rows.Max(r => r.Sum(b => b.W) + BoxGap * (r.Count - 1));
        foreach (var row in rows)
        {
            var width = row.Sum(b => b.W) + BoxGap * (row.Count - 1);
            var x = Math.Round((widest - width) / 2);
            foreach (var b in row)
            {
                b.X = x;
                x += b.W + BoxGap;
            }
        }
    }

    private static List<Lane> RouteEdges(List<Edge> edges, List<Box> boxes)
    {
        var centre = (boxes.Min(b => b.X) + boxes.Max(b => b.X + b.W)) / 2;
        var lanes = new List<Lane>();
        foreach (var e in edges)
        {
            var delta = e.To.Row - e.From.Row;
            e.Route = delta switch
            {
                1 => Route.Down,
                -1 => Route.Up,
                0 => Route.Same,
                > 1 => Route.LaneDown,
                _ => Route.LaneUp,
            };
            var outgoingOnTop = e.Route is Route.Up or Route.LaneUp;
            var incomingOnTop = e.Route is Route.Down or Route.LaneDown;
            e.Out = new Port(e, outgoing: true);
            e.In = new Port(e, outgoing: false);
            (outgoingOnTop ? e.From.Top : e.From.Bottom).Add(e.Out);
            (incomingOnTop ? e.To.Top : e.To.Bottom).Add(e.In);

            if (e.Route is Route.LaneDown or Route.LaneUp)
            {
                var side = (e.From.Cx + e.To.Cx) / 2 < centre ? -1 : 1;
                e.Lane = new Lane(side, lanes.Count(l => l.Side == side));
                lanes.Add(e.Lane);
            }
            var firstBand = e.Route switch
            {
                Route.Up or Route.LaneUp => e.From.Row - 1,
                _ => e.From.Row,
            };
            e.Segments.Add(new Segment(e, firstBand, labelled: true));
            if (e.Lane is not null)
                e.Segments.Add(new Segment(e, e.Route == Route.LaneDown ? e.To.Row - 1 : e.To.Row, labelled: false));
        }

        var minX = boxes.Min(b => b.X);
        var maxX = boxes.Max(b => b.X + b.W);
        foreach (var lane in lanes)
            lane.X = lane.Side < 0 ? minX - LaneOffset - LaneSpacing * lane.Index : maxX + LaneOffset + LaneSpacing * lane.Index;

        // Ports: spread along the side, ordered by where the other end of the arrow lies, so arrows
        // leaving one side cross each other as little as possible.
        foreach (var b in boxes)
            foreach (var side in new[] { b.Top, b.Bottom })
            {
                var ordered = side
                    .OrderBy(p => OtherEndX(p))
                    .ThenBy(p => p.Edge.Index)
                    .ThenBy(p => p.Outgoing ? 0 : 1)
                    .ToList();
                for (var i = 0; i < ordered.Count; i++)
                    ordered[i].X = Math.Round(b.X + b.W * (i + 1) / (ordered.Count + 1));
            }

        SeparateVerticals(boxes);

        foreach (var e in edges)
        {
            var first = e.Segments[0];
            first.X1 = e.Out!.X;
            first.X2 = e.Lane?.X ?? e.In!.X;
            if (e.Lane is not null)
            {
                e.Segments[1].X1 = e.Lane.X;
                e.Segments[1].X2 = e.In!.X;
            }
        }
        return lanes;
    }

    /// <summary>In the band below row r, the bottom ports of row r and the top ports of row r+1 both
    /// run vertically; if two of them share an x their lines would lie on top of each other. Move such
    /// top ports sideways (nearest free spot inside the box) until every vertical has its own x.</summary>
    private static void SeparateVerticals(List<Box> boxes)
    {
        const double clearance = 10;
        const double step = 4;
        var rowCount = boxes.Max(b => b.Row) + 1;
        for (var r = 0; r + 1 < rowCount; r++)
        {
            var taken = boxes.Where(b => b.Row == r).SelectMany(b => b.Bottom).Select(p => p.X).ToList();
            foreach (var b in boxes.Where(b => b.Row == r + 1))
            {
                var own = b.Top.Select(p => p.X).ToList();
                foreach (var port in b.Top)
                {
                    bool Free(double x) =>
                        x >= b.X + 8 && x <= b.X + b.W - 8
                        && taken.All(t => Math.Abs(t - x) >= clearance)
                        && own.All(o => o == port.X || Math.Abs(o - x) >= clearance);
                    if (taken.All(t => Math.Abs(t - port.X) >= clearance)) continue;
                    for (var k = 1; k <= 12; k++)
                    {
                        if (Free(port.X + k * step)) { Move(port, port.X + k * step); break; }
                        if (Free(port.X - k * step)) { Move(port, port.X - k * step); break; }
                    }
                }

                void Move(Port port, double x)
                {
                    own[b.Top.IndexOf(port)] = x;
                    port.X = x;
                }
            }
        }
    }

    private static double OtherEndX(Port p)
    {
        var e = p.Edge;
        if (e.Lane is not null)
        {
            // the lane is far out to its side; inner lanes (lower index) nearer the middle
            return e.Lane.Side * (1_000_000 + e.Lane.Index);
        }
        return p.Outgoing ? e.To.Cx : e.From.Cx;
    }

    private static List<Band> PackTracks(List<Edge> edges, int rowCount)
    {
        var bands = Enumerable.Range(0, rowCount).Select(_ => new Band()).ToList();
        var segments = edges.SelectMany(e => e.Segments)
            .OrderBy(s => s.Band)
            .ThenBy(s => s.Left)
            .ThenBy(s => s.Edge.Index)
            .ToList();
        foreach (var s in segments)
        {
            var band = bands[s.Band];
            var track = band.Tracks.FindIndex(t => t.All(o => o.Right + TrackGap < s.Left || s.Right + TrackGap < o.Left));
            if (track < 0)
            {
                band.Tracks.Add([]);
                track = band.Tracks.Count - 1;
            }
            band.Tracks[track].Add(s);
            s.Track = track;
        }
        return bands;
    }

    private static void PlaceVertically(List<Box> boxes, List<Band> bands, int rowCount)
    {
        double y = 0;
        for (var r = 0; r < rowCount; r++)
        {
            var row = boxes.Where(b => b.Row == r).ToList();
            foreach (var b in row) b.Y = y;
            y += row.Max(b => b.H);
            bands[r].Top = y;
            y += bands[r].Height;
        }
    }

    // ------------------------------------------------------------------ output

    private static string Emit(WorkflowDefinition d, List<Box> boxes, List<Edge> edges, List<Lane> lanes)
    {
        // Bounding box of everything, then one translation so the drawing starts at the margin.
        var minX = boxes.Min(b => b.X);
        var maxX = boxes.Max(b => b.X + b.W);
        var maxY = boxes.Max(b => b.Y + b.H);
        foreach (var e in edges)
        {
            foreach (var (x, y) in e.Points)
            {
                minX = Math.Min(minX, x);
                maxX = Math.Max(maxX, x);
                maxY = Math.Max(maxY, y);
            }
            var s = e.Segments[0];
            minX = Math.Min(minX, s.LabelLeft);
            maxX = Math.Max(maxX, s.LabelLeft + e.LabelWidth);
        }
        foreach (var lane in lanes)
        {
            minX = Math.Min(minX, lane.X);
            maxX = Math.Max(maxX, lane.X);
        }

        var title = $"{d.Name}（{d.DefinitionId} v{d.Version.ToString(CultureInfo.InvariantCulture)}）";
        const string legend = "双线框：终态　虚线框：等待外部　框内 • ：不改变状态的操作（括号内为角色）　箭头标签：操作 / 角色 · 条件";
        const double margin = 24;
        const double header = 64;
        maxX = Math.Max(maxX, minX + Math.Max(TextWidth(title, 18), TextWidth(legend, 11)));
        var dx = margin - minX;
        var dy = margin + header;
        var width = Math.Ceiling(maxX - minX + 2 * margin);
        var height = Math.Ceiling(maxY + dy + margin);

        var sb = new StringBuilder();
        sb.Append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        sb.Append($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{N(width)}\" height=\"{N(height)}\" viewBox=\"0 0 {N(width)} {N(height)}\" font-family=\"{FontFamily}\">\n");
        sb.Append($"<title>{Esc(title)}</title>\n");
        sb.Append("<defs>\n");
        for (var i = 0; i < Palette.Length; i++)
            sb.Append($"<marker id=\"arrow{N(i)}\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"8\" markerHeight=\"8\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"{Palette[i]}\"/></marker>\n");
        sb.Append("</defs>\n");
        sb.Append($"<rect x=\"0\" y=\"0\" width=\"{N(width)}\" height=\"{N(height)}\" fill=\"#ffffff\"/>\n");
        sb.Append($"<text x=\"{N(margin)}\" y=\"{N(margin + 18)}\" font-size=\"18\" font-weight=\"bold\" fill=\"#222222\">{Esc(title)}</text>\n");
        sb.Append($"<text x=\"{N(margin)}\" y=\"{N(margin + 42)}\" font-size=\"11\" fill=\"#666666\">{Esc(legend)}</text>\n");
        sb.Append($"<g transform=\"translate({N(dx)},{N(dy)})\">\n");

        sb.Append("<g class=\"states\">\n");
        foreach (var b in boxes) EmitBox(sb, b);
        sb.Append("</g>\n");

        sb.Append("<g class=\"transitions\" fill=\"none\" stroke-width=\"1.4\">\n");
        foreach (var e in edges)
        {
            var path = string.Join(" ", e.Points.Select((p, i) => $"{(i == 0 ? "M" : "L")}{N(p.X)},{N(p.Y)}"));
            sb.Append($"<path d=\"{path}\" stroke=\"{e.Color}\" marker-end=\"url(#arrow{N(e.ColorIndex)})\"><title>{Esc($"{e.From.State.Label} → {e.To.State.Label}")}</title></path>\n");
        }
        sb.Append("</g>\n");

        sb.Append("<g class=\"labels\">\n");
        foreach (var e in edges) EmitLabel(sb, e);
        sb.Append("</g>\n");

        sb.Append("</g>\n</svg>\n");
        return sb.ToString();
    }

    private static void EmitBox(StringBuilder sb, Box b)
    {
        var s = b.State;
        var stroke = s.Category switch
        {
            StateCategory.Final => "#333333",
            StateCategory.Waiting => "#8a6d00",
            _ => "#1f5fa8",
        };
        var fill = s.Category switch
        {
            StateCategory.Final => "#f2f2f2",
            StateCategory.Waiting => "#fff8e1",
            _ => "#eef4fb",
        };
        var dash = s.Category == StateCategory.Waiting ? " stroke-dasharray=\"6,4\"" : "";
        sb.Append($"<g class=\"state\" id=\"state-{Esc(s.Id)}\">\n");
        sb.Append($"<rect x=\"{N(b.X)}\" y=\"{N(b.Y)}\" width=\"{N(b.W)}\" height=\"{N(b.H)}\" rx=\"10\" ry=\"10\" fill=\"{fill}\" stroke=\"{stroke}\" stroke-width=\"1.6\"{dash}/>\n");
        if (s.Category == StateCategory.Final)
            sb.Append($"<rect x=\"{N(b.X + 4)}\" y=\"{N(b.Y + 4)}\" width=\"{N(b.W - 8)}\" height=\"{N(b.H - 8)}\" rx=\"7\" ry=\"7\" fill=\"none\" stroke=\"{stroke}\" stroke-width=\"1.2\"/>\n");
        var y = b.Y + BoxPadding + TitleSize;
        sb.Append($"<text x=\"{N(b.Cx)}\" y=\"{N(y)}\" font-size=\"{N(TitleSize)}\" font-weight=\"bold\" text-anchor=\"middle\" fill=\"#222222\">{Esc(s.Label)}</text>\n");
        y += 6 + SubSize;
        sb.Append($"<text x=\"{N(b.Cx)}\" y=\"{N(y)}\" font-size=\"{N(SubSize)}\" text-anchor=\"middle\" fill=\"#666666\">{Esc(b.Subtitle)}</text>\n");
        y += 6 + 4;
        foreach (var line in b.Bullets)
        {
            y += BulletSize + 5;
            sb.Append($"<text x=\"{N(b.X + BoxPadding)}\" y=\"{N(y - 3)}\" font-size=\"{N(BulletSize)}\" fill=\"#333333\">{Esc(line)}</text>\n");
        }
        sb.Append("</g>\n");
    }

    private static void EmitLabel(StringBuilder sb, Edge e)
    {
        var s = e.Segments[0];
        var left = s.LabelLeft;
        var top = s.Y - 2 - e.LabelHeight;
        sb.Append($"<rect x=\"{N(left - 2)}\" y=\"{N(top)}\" width=\"{N(e.LabelWidth)}\" height=\"{N(e.LabelHeight)}\" fill=\"#ffffff\" fill-opacity=\"0.82\"/>\n");
        var y = top;
        foreach (var line in e.Lines)
        {
            y += LabelSize + 1;
            sb.Append($"<text x=\"{N(left + 2)}\" y=\"{N(y)}\" font-size=\"{N(LabelSize)}\" fill=\"{e.Color}\">{Esc(line.Text)}</text>\n");
            y += RoleSize + 5;
            sb.Append($"<text x=\"{N(left + 2)}\" y=\"{N(y - 1)}\" font-size=\"{N(RoleSize)}\" fill=\"#555555\">{Esc(line.Sub)}</text>\n");
        }
    }

    /// <summary>Rough advance width: CJK and full-width characters one em, others about 0.6 em.</summary>
    private static double TextWidth(string text, double size)
    {
        double w = 0;
        foreach (var c in text)
            w += c >= '\u2E80' || c is '•' or '→' or '·' ? size : c is ' ' ? size * 0.3 : size * 0.6;
        return w;
    }

    private static string N(double v) => Math.Round(v, 1).ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>XML-escapes text and drops characters XML 1.0 cannot hold.</summary>
    private static string Esc(string text)
    {
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                sb.Append(c).Append(text[++i]);
                continue;
            }
            if (!XmlConvert.IsXmlChar(c)) continue;
            sb.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&apos;",
                _ => c.ToString(),
            });
        }
        return sb.ToString();
    }
}
