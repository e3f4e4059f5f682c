import { createRouter, createWebHistory } from 'vue-router';
import HomePage from './pages/HomePage.vue';

// Pages other than the home page are loaded when first visited, so the first visit downloads only what it shows.
export const router = createRouter({
  history: createWebHistory(),
  routes: [
    { path: '/', name: 'home', component: HomePage },
    { path: '/search', name: 'search', component: () => import('./pages/SearchPage.vue') },
    { path: '/datasets/:slug', name: 'dataset', component: () => import('./pages/DatasetPage.vue'), props: true },
    { path: '/organizations/:slug', name: 'organization', component: () => import('./pages/OrganizationPage.vue'), props: true },
    { path: '/requests', name: 'requests', component: () => import('./pages/RequestsPage.vue') },
    { path: '/scoreboard', name: 'scoreboard', component: () => import('./pages/ScoreboardPage.vue') },
    { path: '/developers', name: 'developers', component: () => import('./pages/DevelopersPage.vue') },
    { path: '/:pathMatch(.*)*', name: 'not-found', component: () => import('./pages/NotFoundPage.vue') },
  ],
  scrollBehavior(to, from, saved) {
    if (saved) return saved;
    // Search state changes stay where the reader is; a new page starts at the top.
    if (to.path === from.path) return false;
    return { top: 0 };
  },
});
