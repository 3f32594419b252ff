"""Malaysian and Malay honorifics ("Datuk", "Dato", "Haji") are dropped from a
speaker's name like "Mr" or "Dr"."""

from articles.quotes import extract_quotes


def test_datuk_is_no_part_of_the_name():
    paras = [
        "Security guards protested outside the company's office on Monday over unpaid wages.",
        "Its chief executive officer, Datuk Ahmad Zulkifli, said the company had never failed to "
        "pay. “We are not running away,” he said.",
    ]
    names = {f.speaker_name for f in extract_quotes(paras)}
    assert names == {"Ahmad Zulkifli"}
