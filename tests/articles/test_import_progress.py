"""
``import_articles`` draws a progress bar, with its rate and the time left,
on a terminal, and nothing of it when its output is not one (captured by
tests, piped, logged by cron).
"""

import io

from django.core.management import call_command


class Terminal(io.StringIO):
    def isatty(self):
        return True


def write_stories(folder, count):
    for n in range(count):
        (folder / f"story-{n}.txt").write_text(
            f"Teachers strike in district {n}\n\nTeachers in district {n} walked out on Monday.\n",
            encoding="utf-8",
        )


def test_a_terminal_gets_a_progress_bar_with_rate_and_time_left(db, tmp_path):
    write_stories(tmp_path, 3)
    out, err = io.StringIO(), Terminal()
    call_command("import_articles", str(tmp_path), stdout=out, stderr=err)
    bar = err.getvalue()
    assert "3/3" in bar
    assert "articles/s" in bar
    assert "<" in bar  # [elapsed<remaining, rate]
    assert "3 created" in out.getvalue()


def test_output_that_is_not_a_terminal_gets_no_progress_bar(db, tmp_path):
    write_stories(tmp_path, 3)
    out, err = io.StringIO(), io.StringIO()
    call_command("import_articles", str(tmp_path), stdout=out, stderr=err)
    assert err.getvalue() == ""
    assert "3 created" in out.getvalue()


def test_captured_output_under_pytest_gets_no_progress_bar(db, tmp_path, capfd):
    write_stories(tmp_path, 2)
    call_command("import_articles", str(tmp_path))
    captured = capfd.readouterr()
    assert "articles/s" not in captured.err
    assert "2 created" in captured.out
