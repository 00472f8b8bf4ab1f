// A table wider than the screen scrolls inside its own box (app.css), never
// the page (WCAG 1.4.10, reflow at 320 CSS px). A box that scrolls must be
// reachable by keyboard: this marks every such box focusable while it
// overflows, and names a wrapper after its table's caption, so a keyboard user
// can scroll it with the arrow keys and hear what it is. Without JavaScript
// the box still scrolls (by touch, mouse, and in Chromium and Firefox by
// keyboard, which make scrollers without focusable content focusable).

const SCROLLERS = 'main table, main .table-wrap, main .table-scroll, main pre';
const MARK = 'scrollRegion';

function labelOf(box: HTMLElement): string {
	const table = box.querySelector('table');
	const caption = table?.caption?.textContent?.trim();
	return caption || table?.getAttribute('aria-label') || 'Tabell';
}

/** Makes each overflowing scroll box under `root` focusable (and a named region when it is a wrapper); undoes it when it no longer overflows. */
export function markScrollRegions(root: ParentNode = document) {
	for (const box of root.querySelectorAll<HTMLElement>(SCROLLERS)) {
		// A table inside a wrapper does not scroll itself: the wrapper does.
		if (box.tagName === 'TABLE' && box.parentElement?.closest('.table-wrap, .table-scroll')) continue;
		const overflows = box.scrollWidth > box.clientWidth + 1;
		const marked = MARK in box.dataset;
		if (overflows && !marked && !box.hasAttribute('tabindex')) {
			box.dataset[MARK] = '';
			box.tabIndex = 0;
			// A table keeps its own role (its caption names it); a wrapper becomes a named region.
			if (box.tagName !== 'TABLE' && !box.hasAttribute('role')) {
				box.dataset[MARK] = 'region';
				box.setAttribute('role', 'region');
				if (!box.hasAttribute('aria-label')) box.setAttribute('aria-label', labelOf(box));
			}
		} else if (!overflows && marked) {
			if (box.dataset[MARK] === 'region') {
				box.removeAttribute('role');
				box.removeAttribute('aria-label');
			}
			box.removeAttribute('tabindex');
			delete box.dataset[MARK];
		}
	}
}

/** Keeps the marks true while the page changes or the window is resized; returns the cleanup. */
export function watchScrollRegions(): () => void {
	let pending = 0;
	const schedule = () => {
		if (pending) return;
		pending = requestAnimationFrame(() => {
			pending = 0;
			markScrollRegions();
		});
	};
	const main = document.getElementById('main');
	const observer = new MutationObserver(schedule);
	if (main) observer.observe(main, { childList: true, subtree: true });
	window.addEventListener('resize', schedule);
	schedule();
	return () => {
		observer.disconnect();
		window.removeEventListener('resize', schedule);
		if (pending) cancelAnimationFrame(pending);
	};
}
