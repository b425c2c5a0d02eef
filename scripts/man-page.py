#!/usr/bin/env python3
"""Writes ita.1, the manual page, from the argument parser: `ita --experimental-dump-help` gives every
command, argument, option and help text (the ToolInfo that swift-argument-parser's GenerateManual
plugin reads). The plugin itself drops every non-ASCII character (Thai, —, →) from what it writes,
so this writes the same sections with the text kept whole, in man(7) with UTF-8 (read it with
`man -l ita.1`, or through MANPATH once installed).

usage: scripts/man-page.py [ITA_BINARY] [OUTPUT]   (defaults: .build/release/ita, ita.1)
"""
import datetime, json, subprocess, sys

binary = sys.argv[1] if len(sys.argv) > 1 else ".build/release/ita"
output = sys.argv[2] if len(sys.argv) > 2 else "ita.1"
tool = json.loads(subprocess.run([binary, "--experimental-dump-help"], check=True, capture_output=True, text=True).stdout)["command"]
version = subprocess.run([binary, "--version"], capture_output=True, text=True).stdout.strip()

def esc(text):
    """Text for roff: backslashes and leading dots or quotes made literal."""
    text = text.replace("\\", "\\e")
    lines = []
    for line in text.split("\n"):
        if line.startswith((".", "'")):
            line = "\\&" + line
        lines.append(line)
    return "\n".join(lines)

def paragraphs(text):
    out = []
    for block in text.strip().split("\n\n"):
        if block.strip():
            out += [".PP", esc(block.strip())]
    return out

def synopsis(path, command):
    parts = [" ".join(path)]
    for arg in command.get("arguments", []):
        if not arg.get("shouldDisplay", True):
            continue
        names = arg.get("names") or []
        name = next((n for n in names if n["kind"] == "long"), names[0] if names else None)
        if arg["kind"] == "positional":
            word = "<" + arg.get("valueName", "value") + ">"
        else:
            flag = ("--" if name["kind"] == "long" else "-") + name["name"]
            word = flag + (" <" + arg["valueName"] + ">" if arg["kind"] == "option" else "")
        if arg.get("isRepeating"):
            word += " ..."
        parts.append("[" + word + "]" if arg.get("isOptional") else word)
    return " ".join(parts)

def options(command):
    out = []
    for arg in command.get("arguments", []):
        if not arg.get("shouldDisplay", True):
            continue
        names = arg.get("names") or []
        if arg["kind"] == "positional":
            label = "<" + arg.get("valueName", "value") + ">"
        else:
            label = ", ".join(("--" if n["kind"] == "long" else "-") + n["name"] for n in names
                              if n["kind"] in ("long", "short", "longWithSingleDash"))
            if arg["kind"] == "option":
                label += " <" + arg.get("valueName", "value") + ">"
        help_text = arg.get("abstract", "")
        if arg.get("defaultValue") not in (None, "", "false"):
            help_text += " (default: " + str(arg["defaultValue"]) + ")"
        if arg.get("allValues"):
            help_text += " Values: " + ", ".join(arg["allValues"]) + "."
        out += [".TP", "\\fB" + esc(label) + "\\fR", esc(help_text) if help_text else "\\&"]
    return out

lines = [f'.TH ITA 1 "{datetime.date.today().isoformat()}" "{esc(version)}" "ITA Board"', ".SH NAME",
         "ita \\- " + esc(tool.get("abstract", "ITA Board")), ".SH SYNOPSIS", "\\fBita\\fR [\\fIcommand\\fR] [\\fIoptions\\fR]",
         ".SH DESCRIPTION"] + paragraphs(tool.get("discussion", "")) + [".SH COMMANDS"]

def walk(command, path):
    for sub in command.get("subcommands", []):
        if not sub.get("shouldDisplay", True) or sub["commandName"] == "help":
            continue
        here = path + [sub["commandName"]]
        lines.extend([".SS " + esc(" ".join(here)), esc(sub.get("abstract", "")), ".PP", "\\fB" + esc(synopsis(here, sub)) + "\\fR"])
        lines.extend(paragraphs(sub.get("discussion", "")))
        lines.extend(options(sub))
        walk(sub, here)

walk(tool, ["ita"])
lines += [".SH FILES", "$XDG_CONFIG_HOME/ita/config (theme, lang, db); $XDG_DATA_HOME/ita/ita.sqlite, the default database;",
          "themes/ and sample-data/ beside the binary (../share/ita).", ".SH SEE ALSO", "README.md of the ITA Board sources."]
with open(output, "w", encoding="utf-8") as f:
    f.write("\n".join(lines) + "\n")
print(output)
