/** The pull-request change the sample in README.md shows: a shadowing route, auth added, throttling tightened. */
export function samplePullRequest(bookstore: string): string {
  return bookstore
    .replace(
      '  /books/{bookId}:\n',
      "  /books/featured:\n    get:\n      operationId: featuredBooks\n      tags: [catalog]\n      security: []\n      x-gateplan: { backend: catalog-v2 }\n      responses:\n        '200': { description: Featured books }\n  /books/{bookId}:\n",
    )
    .replace(
      'x-gateplan: { throttle: { rate: 10, burst: 20 } }',
      'x-gateplan: { throttle: { rate: 5, burst: 10 } }',
    )
    .replace(
      '      operationId: listReviews\n      tags: [reviews]\n      security: []\n',
      '      operationId: listReviews\n      tags: [reviews]\n',
    );
}
