// Routes of the web app; every page sits in the same layout.
import { Route, Routes } from 'react-router-dom';
import { Layout } from './components/Layout.tsx';
import { useI18n } from './i18n/index.tsx';
import { ActPage } from './pages/Act.tsx';
import { AdminPage } from './pages/Admin.tsx';
import { AssessmentPage } from './pages/Assessment.tsx';
import { AssessmentsPage } from './pages/Assessments.tsx';
import { AssessmentsComparePage } from './pages/AssessmentsCompare.tsx';
import { ContributePage } from './pages/Contribute.tsx';
import { CoordinationPage } from './pages/Coordination.tsx';
import { CountryBriefPage } from './pages/CountryBrief.tsx';
import { CriteriaPortfolioPage } from './pages/CriteriaPortfolio.tsx';
import { DataQualityPage } from './pages/DataQuality.tsx';
import { DigestPage } from './pages/Digest.tsx';
import { DocumentPage } from './pages/Document.tsx';
import { DocumentReviewPage } from './pages/DocumentReview.tsx';
import { HomePage } from './pages/Home.tsx';
import { InstrumentPage, InstrumentsPage } from './pages/Instruments.tsx';
import { InvitationPage } from './pages/Invitation.tsx';
import { LessonsPage } from './pages/Lessons.tsx';
import { OrganisationsPage } from './pages/Organisations.tsx';
import { ProjectPage } from './pages/Project.tsx';
import { ProjectsPage } from './pages/Projects.tsx';
import { RecommendationsPage } from './pages/Recommendations.tsx';
import { ScoresPortfolioPage } from './pages/ScoresPortfolio.tsx';
import { SearchPage } from './pages/Search.tsx';
import { SignInPage } from './pages/SignIn.tsx';

function NotFound() {
  const { t } = useI18n();
  return (
    <section className="narrow">
      <h1>{t('notFound.title')}</h1>
      <p>{t('notFound.text')}</p>
    </section>
  );
}

export function App() {
  return (
    <Layout>
      <Routes>
        <Route path="/" element={<HomePage />} />
        <Route path="/projects" element={<ProjectsPage />} />
        <Route path="/organisations" element={<OrganisationsPage />} />
        <Route path="/projects/:id" element={<ProjectPage />} />
        <Route path="/recommendations" element={<RecommendationsPage />} />
        <Route path="/search" element={<SearchPage />} />
        <Route path="/lessons" element={<LessonsPage />} />
        <Route path="/instruments" element={<InstrumentsPage />} />
        <Route path="/instruments/:key" element={<InstrumentPage />} />
        <Route path="/assessments" element={<AssessmentsPage />} />
        <Route path="/assessments/compare" element={<AssessmentsComparePage />} />
        <Route path="/assessments/:id" element={<AssessmentPage />} />
        <Route path="/contribute" element={<ContributePage />} />
        <Route path="/documents/:id" element={<DocumentPage />} />
        <Route path="/documents/:id/review" element={<DocumentReviewPage />} />
        <Route path="/admin" element={<AdminPage />} />
        <Route path="/coordination" element={<CoordinationPage />} />
        <Route path="/countries/:code" element={<CountryBriefPage />} />
        <Route path="/sign-in" element={<SignInPage />} />
        <Route path="/invitation" element={<InvitationPage />} />
        <Route path="/digest" element={<DigestPage />} />
        <Route path="/scores" element={<ScoresPortfolioPage />} />
        <Route path="/criteria" element={<CriteriaPortfolioPage />} />
        <Route path="/organisations/:id/quality" element={<DataQualityPage />} />
        <Route path="/act" element={<ActPage />} />
        <Route path="*" element={<NotFound />} />
      </Routes>
    </Layout>
  );
}
