import { deriveLinkFields } from '../../src/content/link-fields';
import { intermediaryKind, siteTenant } from '../../src/content/sponsor-hosts';
import { creditSponsor, sponsorDisplayName, sponsorOf } from '../../src/content/sponsor-name';

const ad = (title: string, body: string, url: string) => ({ title, body, url });

describe('creditSponsor: the advertiser the ad names, as the ad spells it', () => {
  test.each([
    ['Stop flaky kettle tests', '[Kettle QA](https://kettleqa.com/start) runs them nightly.', 'https://www.kettleqa.com/start?utm_source=tldr', 'kettleqa.com', 'Kettle QA'],
    ['Monitor every kettle', "Brewdog's dashboards show each boil.", 'https://go.brewdoghq.com/trial', 'brewdoghq.com', 'Brewdog'],
    ['Faster kettles', 'Try Steamly free for a month.', 'https://www.getsteamly.com/', 'getsteamly.com', 'Steamly'],
    ['Boil with Steep', 'Read how [Steep.ai](https://steep.ai/blog) tunes every boil.', 'https://steep.ai/blog', 'steep.ai', 'Steep.ai'],
    ['Tea it up with TeaIt', 'TeaIt is the kettle for teams.', 'https://teait.com/', 'teait.com', 'TeaIt'],
    ['Kettle reliability report', 'Download the IBM report.', 'https://www.ibm.com/report', 'ibm.com', 'IBM'],
    ['Kettle reliability report', 'Download the report.', 'https://www.hotwater-labs.com/report', 'hotwater-labs.com', 'Hotwater Labs'],
  ])('"%s" → %s', (title, body, url, key, name) => {
    expect(creditSponsor(ad(title, body, url))).toEqual({ kind: 'ADVERTISER', key, name });
  });

  test('a shortened or tracked link is never the sponsor: the ad text names it', () => {
    expect(creditSponsor(ad('Brew faster', "Steamly's kettles boil in half the time. [Steamly](https://bit.ly/x1) is free to try.", 'https://bit.ly/x1'))).toEqual({
      kind: 'ADVERTISER',
      key: 'steamly',
      name: 'Steamly',
    });
    expect(creditSponsor(ad('Meet the kettle team', 'A talk with Kettlecorp at the expo.', 'https://hubs.la/Q0abc'))).toEqual({
      kind: 'ADVERTISER',
      key: 'kettlecorp',
      name: 'Kettlecorp',
    });
    expect(sponsorOf(ad('Brew faster', 'Kettles boil in half the time.', 'https://bit.ly/x1'))).toBeNull();
  });

  test('a name that is a domain is the key, so shortened and direct ads share one sponsor', () => {
    expect(creditSponsor(ad('Boil smarter', '[Steep.ai](https://bit.ly/s1) tunes every boil. Steep.ai learns your taste.', 'https://bit.ly/s1'))).toEqual({
      kind: 'ADVERTISER',
      key: 'steep.ai',
      name: 'Steep.ai',
    });
  });

  test('a shortened link whose body links the advertiser’s own site is credited to that site', () => {
    expect(creditSponsor(ad('Brew faster', 'See [Steamly](https://steamly.io/pricing) plans.', 'https://bit.ly/x1'))).toEqual({
      kind: 'ADVERTISER',
      key: 'steamly.io',
      name: 'Steamly',
    });
  });

  test('an ad that names no company credits nobody, whatever technology it mentions', () => {
    expect(creditSponsor(ad('The true cost of Kubernetes', 'Kubernetes is free to adopt. [This whitepaper](https://bit.ly/k8) breaks it down.', 'https://bit.ly/k8'))).toEqual({ kind: 'UNNAMED' });
    expect(creditSponsor(ad('Is SOC 2 slowing you down?', 'SOC 2 is hard. SOC 2 is slow. [Download Now](https://vpdae.com/r/1)', 'https://vpdae.com/r/1'))).toEqual({ kind: 'UNNAMED' });
  });

  test('months and days are not advertisers', () => {
    expect(creditSponsor(ad('Kettle Summit: three days of tea', 'The summit runs from June 3-5 in Leeds.', 'https://ti.to/kettle/summit'))).toEqual({
      kind: 'ADVERTISER',
      key: 'kettlesummit',
      name: 'Kettle Summit',
    });
  });

  test('an event or form platform is never the sponsor; the account it hosts is', () => {
    expect(creditSponsor(ad('Meet us at KettleConf', 'Three days of talks about heat.', 'https://acme.swoogo.com/kettleconf/'))).toEqual({
      kind: 'ADVERTISER',
      key: 'acme',
      name: 'Acme',
    });
    expect(creditSponsor(ad('Book a demo', '[Brewbot](https://cal.com/brewbot/demo) answers every ticket.', 'https://cal.com/brewbot/demo'))).toEqual({
      kind: 'ADVERTISER',
      key: 'brewbot',
      name: 'Brewbot',
    });
    expect(creditSponsor(ad('GitHub repo: kettle-cli', "Brewworks' new kettle CLI. ⭐ Star the repo.", 'https://github.com/brewworks/kettle-cli'))).toEqual({
      kind: 'ADVERTISER',
      key: 'brewworks',
      name: 'Brewworks',
    });
  });

  test("the newsletter's own ads and job posts are house ads, not sponsors", () => {
    expect(creditSponsor(ad('Want more news from TLDR?', 'You might like our flagship newsletter.', 'https://tldr.tech/'))).toEqual({ kind: 'HOUSE' });
    expect(creditSponsor(ad('Reach 5 million readers', 'Advertise with us.', 'https://advertise.tldr.tech/'))).toEqual({ kind: 'HOUSE' });
    expect(creditSponsor(ad('Time to value', "How TLDR's founder learned it; follow him on LinkedIn.", 'https://www.linkedin.com/posts/someone'))).toEqual({ kind: 'HOUSE' });
    expect(creditSponsor(ad('Learn math daily', 'Free for 30 days for TLDR readers.', 'https://brilliant.example/'))).toEqual({
      kind: 'ADVERTISER',
      key: 'brilliant.example',
      name: 'Brilliant',
    });
  });
});

describe('go-betweens', () => {
  test.each([
    ['bit.ly', 'SHORTENER'],
    ['aka.ms', 'SHORTENER'],
    ['hubs.la', 'TRACKER'],
    ['ad.doubleclick.net', 'TRACKER'],
    ['typeform.com', 'EVENT_PLATFORM'],
    ['us02web.zoom.us', 'EVENT_PLATFORM'],
    ['www.eventbrite.com', 'EVENT_PLATFORM'],
    ['lu.ma', 'EVENT_PLATFORM'],
    ['github.com', 'HOSTING_PLATFORM'],
    ['advertise.tldr.tech', 'NEWSLETTER'],
    ['kettleqa.com', null],
  ])('%s is %s', (host, kind) => {
    expect(intermediaryKind(host)).toBe(kind);
  });

  test('the account a go-between hosts', () => {
    expect(siteTenant('https://acme.swoogo.com/conf')).toBe('acme');
    expect(siteTenant('https://github.com/brewworks/kettle')).toBe('brewworks');
    expect(siteTenant('https://bit.ly/abc')).toBeNull();
    expect(siteTenant('https://kettleqa.com/')).toBeNull();
  });
});

describe('sponsorDisplayName', () => {
  test('names a site when the ad does not', () => {
    expect(sponsorDisplayName('go.mezmo.com')).toBe('Go');
    expect(sponsorDisplayName('flashpoint-intel.com')).toBe('Flashpoint Intel');
    expect(sponsorDisplayName('tldr.tech')).toBe('TLDR');
  });
});

describe('deriveLinkFields', () => {
  test("a sponsored link that is the newsletter's own ad is a HOUSE_AD, still labelled sponsored", () => {
    expect(deriveLinkFields('https://tldr.tech/', 'Sponsor', { title: 'Want more news from TLDR?', summary: '' })).toMatchObject({
      kind: 'HOUSE_AD',
      sponsored: true,
    });
    expect(deriveLinkFields('https://advertise.tldr.tech/', 'Sponsor')).toMatchObject({ kind: 'HOUSE_AD' });
    expect(deriveLinkFields('https://kettleqa.com/', 'Sponsor')).toMatchObject({ kind: 'OTHER', sponsored: true });
    expect(deriveLinkFields('https://tldr.tech/', '3 minute read')).toMatchObject({ kind: 'ARTICLE', sponsored: false });
  });
});
