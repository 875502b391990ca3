"""Scrapy over the fixture board, as a user would write it (run by B1 in its own process):
    python3 bench/peers/scrapy_spider.py <concurrency> <listing-url>...
Prints one JSON line: {"pages", "postings", "ms"}."""
import json
import sys
import time
from urllib.parse import urljoin, urlsplit, urlunsplit

import scrapy
from scrapy.crawler import CrawlerProcess

CONCURRENCY = int(sys.argv[1])
LISTING_URLS = sys.argv[2:]
tally = {"pages": 0, "postings": 0}


class BoardSpider(scrapy.Spider):
    name = "board"

    def start_requests(self):
        for url in LISTING_URLS:
            yield scrapy.Request(url, callback=self.parse_listing)

    def parse_listing(self, response):
        tally["pages"] += 1
        for href in response.css("div.job-item-search-result h3.title a::attr(href)").getall():
            parts = urlsplit(urljoin(response.url, href))
            yield scrapy.Request(urlunsplit(parts._replace(query="")), callback=self.parse_detail)

    def parse_detail(self, response):
        tally["pages"] += 1
        if response.xpath("string(//h1)").get().strip():
            tally["postings"] += 1


process = CrawlerProcess(
    settings={
        "CONCURRENT_REQUESTS": CONCURRENCY,
        "CONCURRENT_REQUESTS_PER_DOMAIN": CONCURRENCY,
        "DOWNLOAD_DELAY": 0,
        "ROBOTSTXT_OBEY": False,
        "RETRY_ENABLED": False,
        "LOG_LEVEL": "ERROR",
        "TELNETCONSOLE_ENABLED": False,
        "USER_AGENT": "jobsync-bench/1.0",
        "DEFAULT_REQUEST_HEADERS": {
            "Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
            "Accept-Language": "vi-VN,vi;q=0.9,en;q=0.8",
        },
    }
)
process.crawl(BoardSpider)
start = time.perf_counter()
process.start()
print(json.dumps({"pages": tally["pages"], "postings": tally["postings"], "ms": (time.perf_counter() - start) * 1000}))
