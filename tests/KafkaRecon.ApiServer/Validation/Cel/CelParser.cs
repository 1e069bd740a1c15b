using System.Globalization;
using System.Text;

namespace KafkaRecon.ApiServer.Validation.Cel;

/// <summary>
/// A hand-written parser for the small CEL subset kafkarecon's CRD rules need: <c>self</c> field selection,
/// <c>has()</c>, <c>timestamp()</c>, <c>size()</c>, literals, <c>! &amp;&amp; ||</c> and comparisons.
/// Anything else is rejected when the CRD is loaded, so an unsupported rule fails loudly instead of passing silently.
/// </summary>
internal sealed class CelParser
{
    private static readonly string[] Comparisons = ["==", "!=", "<=", ">=", "<", ">"];
    private readonly string _text;
    private readonly List<string> _tokens;
    private int _position;

    private CelParser(string text)
    {
        _text = text;
        _tokens = Tokenize(text);
    }

    public static CelNode Parse(string rule)
    {
        var parser = new CelParser(rule);
        var node = parser.ParseOr();
        return parser._position == parser._tokens.Count
            ? node
            : throw parser.Unsupported($"unexpected '{parser._tokens[parser._position]}'");
    }

    private CelNode ParseOr()
    {
        var left = ParseAnd();
        while (Accept("||"))
        {
            left = new CelNode.Binary("||", left, ParseAnd());
        }

        return left;
    }

    private CelNode ParseAnd()
    {
        var left = ParseRelation();
        while (Accept("&&"))
        {
            left = new CelNode.Binary("&&", left, ParseRelation());
        }

        return left;
    }

    private CelNode ParseRelation()
    {
        var left = ParseUnary();
        foreach (var op in Comparisons)
        {
            if (Accept(op))
            {
                return new CelNode.Binary(op, left, ParseUnary());
            }
        }

        return left;
    }

    private CelNode ParseUnary() => Accept("!") ? new CelNode.Not(ParseUnary()) : ParsePrimary();

    private CelNode ParsePrimary()
    {
        var token = Next();
        if (token == "(")
        {
            var inner = ParseOr();
            Expect(")");
            return inner;
        }

        if (token == "self")
        {
            return ParseSelectTail();
        }

        if (token is "has" or "timestamp" or "size" or "duration")
        {
            Expect("(");
            var argument = ParseOr();
            Expect(")");
            return token == "has"
                ? argument is CelNode.Select { Fields.Count: > 0 } select
                    ? new CelNode.Has(select)
                    : throw Unsupported("has() needs a field selection such as has(self.start)")
                : new CelNode.Call(token, [argument]);
        }

        return token switch
        {
            "true" => new CelNode.Literal(true),
            "false" => new CelNode.Literal(false),
            "null" => new CelNode.Literal(null),
            _ when token.Length >= 2 && token[0] is '"' or '\'' => new CelNode.Literal(token[1..^1]),
            _ when long.TryParse(token, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer) => new CelNode.Literal(integer),
            _ when double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var real) => new CelNode.Literal(real),
            _ => throw Unsupported($"'{token}' is not in the supported CEL subset"),
        };
    }

    private CelNode.Select ParseSelectTail()
    {
        var fields = new List<string>();
        while (Accept("."))
        {
            var field = Next();
            if (!char.IsLetter(field[0]) && field[0] != '_')
            {
                throw Unsupported($"expected a field name after '.', found '{field}'");
            }

            fields.Add(field);
        }

        return new CelNode.Select(fields);
    }

    private bool Accept(string token)
    {
        if (_position < _tokens.Count && _tokens[_position] == token)
        {
            _position++;
            return true;
        }

        return false;
    }

    private void Expect(string token)
    {
        if (!Accept(token))
        {
            throw Unsupported($"expected '{token}'");
        }
    }

    private string Next() => _position < _tokens.Count ? _tokens[_position++] : throw Unsupported("unexpected end of rule");

    private NotSupportedException Unsupported(string problem) => new($"CEL rule \"{_text}\": {problem}.");

    private static List<string> Tokenize(string text)
    {
        var tokens = new List<string>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c is '"' or '\'')
            {
                var end = text.IndexOf(c, i + 1);
                if (end < 0)
                {
                    throw new NotSupportedException($"CEL rule \"{text}\": unterminated string.");
                }

                tokens.Add(text[i..(end + 1)]);
                i = end + 1;
            }
            else if (char.IsLetterOrDigit(c) || c == '_')
            {
                var word = new StringBuilder();
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] is '_' || (text[i] == '.' && word.Length > 0 && char.IsDigit(word[0]))))
                {
                    word.Append(text[i++]);
                }

                tokens.Add(word.ToString());
            }
            else
            {
                var two = i + 1 < text.Length ? text.Substring(i, 2) : "";
                var op = two is "||" or "&&" or "==" or "!=" or "<=" or ">=" ? two : c.ToString();
                if (op.Length == 1 && "()!<>.,".IndexOf(c) < 0)
                {
                    throw new NotSupportedException($"CEL rule \"{text}\": '{c}' is not in the supported CEL subset.");
                }

                tokens.Add(op);
                i += op.Length;
            }
        }

        return tokens;
    }
}
